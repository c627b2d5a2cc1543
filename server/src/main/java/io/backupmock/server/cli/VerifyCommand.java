package io.backupmock.server.cli;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.Settings;
import io.backupmock.server.admin.AdminApi;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code backup-mock verify --pacts DIR}: verifies every pact file in a folder (V3 or V4, any
 * consumer) against an in-process emulator with Pact JVM's verifier, the provider states set up
 * through the admin API's state-change URL. Exit code 0 when every interaction is honoured, 1
 * otherwise, 2 when there is nothing to verify.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Verifies Pact files (V3 or V4) against an in-process emulator and prints a report.",
            "Exit code 0: every interaction honoured; 1: a mismatch; 2: no pact to verify."})
final class VerifyCommand implements Callable<Integer> {
    static final int MISMATCH = 1;
    static final int NOTHING_TO_VERIFY = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--pacts", paramLabel = "DIR", required = true,
            description = "Folder of pact files (*.json, read recursively).")
    Path pacts;

    @Option(names = "--provider", paramLabel = "NAME",
            description = "Only pacts with this provider (default: every pact in the folder).")
    String provider;

    @Option(names = "--require-auth", description = "Refuse requests without a bearer token, as Azure does "
            + "(default: off, since pacts often leave credentials out).")
    boolean requireAuth;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> files = pactFiles();
        if (files.isEmpty()) {
            spec.commandLine().getErr().println("backup-mock verify: no pact files (*.json) in " + pacts);
            return NOTHING_TO_VERIFY;
        }
        int interactions = 0;
        List<String> failures = new ArrayList<>();
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0)
                .settings(Settings.builder().authRequired(requireAuth).validateResponses(true).build()).start()) {
            URI base = server.baseUri();
            for (Path file : files) {
                Pact pact = DefaultPactReader.INSTANCE.loadPact(file.toFile());
                String providerName = pact.getProvider().getName();
                if (provider != null && !provider.equals(providerName)) {
                    out.println("skipped " + file + ": provider '" + providerName + "'");
                    continue;
                }
                List<Interaction> all = pact.getInteractions();
                interactions += all.size();
                out.println("verifying " + file + ": " + pact.getConsumer().getName() + " -> " + providerName + ", "
                        + all.size() + " interaction" + (all.size() == 1 ? "" : "s"));
                JsonNode json = Json.MAPPER.readTree(file.toFile());
                for (int i = 0; i < all.size(); i++) {
                    // One interaction a run, so every failure is reported against its interaction (V3 ones have no ids).
                    Path single = Files.createTempFile("backup-mock-pact-", ".json");
                    try {
                        ObjectNode one = json.deepCopy();
                        one.putArray("interactions").add(json.get("interactions").get(i));
                        Files.write(single, Json.MAPPER.writeValueAsBytes(one));
                        for (VerificationResult result : verify(base, single, pact)) {
                            if (result instanceof VerificationResult.Failed failed) {
                                failures.add(describe(file, all.get(i), failed));
                            }
                        }
                    } finally {
                        Files.deleteIfExists(single);
                    }
                }
            }
        }
        out.println();
        out.println("backup-mock verify: " + files.size() + " pact file" + (files.size() == 1 ? "" : "s") + ", "
                + interactions + " interactions, " + failures.size() + " failed");
        for (String failure : failures) {
            out.println("  FAILED " + failure);
        }
        out.flush();
        return failures.isEmpty() ? 0 : MISMATCH;
    }

    private static List<VerificationResult> verify(URI base, Path file, Pact pact) {
        ProviderInfo providerInfo = new ProviderInfo(pact.getProvider().getName());
        providerInfo.setProtocol(base.getScheme());
        providerInfo.setHost(base.getHost());
        providerInfo.setPort(base.getPort());
        try {
            providerInfo.setStateChangeUrl(URI.create(base + AdminApi.PREFIX + "/provider-states").toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
        providerInfo.setStateChangeUsesBody(true);
        ConsumerInfo consumer = new ConsumerInfo(pact.getConsumer().getName());
        consumer.setPactSource(new FileSource(file.toFile()));
        providerInfo.getConsumers().add(consumer);
        return new ProviderVerifier().verifyProvider(providerInfo);
    }

    /** A report entry for a failed interaction: its description, then what did not match. */
    private static String describe(Path file, Interaction interaction, VerificationResult.Failed failed) {
        StringBuilder text = new StringBuilder(file.getFileName() + ": " + interaction.getDescription());
        for (List<VerificationFailureType> list : failed.getFailures().values()) {
            for (VerificationFailureType failure : list) {
                text.append("\n      ").append(failure.description().strip().replace("\n", "\n      "));
            }
        }
        return text.toString();
    }

    private List<Path> pactFiles() throws IOException {
        if (!Files.isDirectory(pacts)) {
            throw new ParameterException(spec.commandLine(), "--pacts: " + pacts + " is not a folder");
        }
        try (Stream<Path> walk = Files.walk(pacts)) {
            return walk.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        }
    }
}
