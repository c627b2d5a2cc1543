package io.backupmock.server.cli;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.ProviderState;
import au.com.dius.pact.provider.ConsumerInfo;
import au.com.dius.pact.provider.ProviderInfo;
import au.com.dius.pact.provider.ProviderVerifier;
import au.com.dius.pact.provider.VerificationFailureType;
import au.com.dius.pact.provider.VerificationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backupmock.server.BackupMockServer;
import io.backupmock.server.state.Settings;
import io.backupmock.server.admin.AdminApi;
import io.backupmock.server.pact.ProviderStates;
import io.backupmock.server.pact.UnknownProviderStateException;
import io.backupmock.server.wire.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * {@code backup-mock verify --pacts DIR}: verifies every pact file in a folder (V3 or V4, any
 * consumer) against an in-process emulator with Pact JVM's verifier, the provider states set up
 * through the admin API's state-change URL. Exit code 0 when every interaction is honoured, 1
 * otherwise (an unknown provider state included), 2 when there is nothing to verify (no pact file,
 * none of the provider asked for, no interactions), a file is not a pact, or the command line is wrong.
 */
final class VerifyCommand {
    static final int MISMATCH = 1;
    static final int NOTHING_TO_VERIFY = 2;

    static {
        // Pact's plugin driver sends anonymous usage data unless told not to; an offline tool never does.
        // It reads this property (or the variable) when it runs, which is after this class is initialised.
        System.setProperty("pact_do_not_track", "true");
    }

    private static final String DESCRIPTION = String.join(" ",
            "Verifies Pact files (V3 or V4) against an in-process emulator and prints a report.",
            "Exit code 0: every interaction honoured; 1: a mismatch or an unknown provider state;",
            "2: nothing to verify (no pact, none of --provider, no interactions), a file that is not a pact,",
            "or a wrong command line.");
    static final Options OPTIONS = new Options()
            .addOption(CommandLines.valued("pacts", "DIR", "Folder of pact files (*.json, read recursively). Required."))
            .addOption(CommandLines.valued("provider", "NAME",
                    "Only pacts with this provider (default: every pact in the folder)."))
            .addOption(Option.builder().longOpt("require-auth").desc("Refuse requests without a bearer token, as "
                    + "Azure does (default: off, since pacts often leave credentials out).").get())
            .addOption(Option.builder("h").longOpt("help").desc("Show this help and exit.").get());

    private final Path pacts;
    private final String provider;
    private final boolean requireAuth;

    private VerifyCommand(Path pacts, String provider, boolean requireAuth) {
        this.pacts = pacts;
        this.provider = provider;
        this.requireAuth = requireAuth;
    }

    /** Runs {@code verify ARGS} to its exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        try {
            CommandLines cli = CommandLines.parse(OPTIONS, args, Map.of());
            if (cli.has("help")) {
                CommandLines.printHelp(out, "java -jar backup-mock.jar verify --pacts DIR [FLAGS]", DESCRIPTION, OPTIONS);
                return 0;
            }
            String pacts = cli.string("pacts");
            if (pacts == null) {
                throw new UsageException("missing required flag --pacts DIR");
            }
            return new VerifyCommand(Path.of(pacts), cli.string("provider"), cli.has("require-auth")).call(out, err);
        } catch (UsageException e) {
            err.println("backup-mock verify: " + e.getMessage());
            err.println("Try 'java -jar backup-mock.jar verify --help'.");
            err.flush();
            return NOTHING_TO_VERIFY;
        } catch (IOException e) {
            err.println("backup-mock verify: cannot read the pacts: " + e);
            err.flush();
            return NOTHING_TO_VERIFY;
        }
    }

    /** A pact file read: its Pact JVM model and its JSON, to cut into single interactions. */
    private record PactFile(Path file, Pact pact, JsonNode json) {
    }

    private int call(PrintWriter out, PrintWriter err) throws IOException {
        List<Path> files = pactFiles();
        if (files.isEmpty()) {
            err.println("backup-mock verify: no pact files (*.json) in " + pacts);
            err.flush();
            return NOTHING_TO_VERIFY;
        }
        List<PactFile> read = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : files) {
            try {
                read.add(new PactFile(file, DefaultPactReader.INSTANCE.loadPact(file.toFile()),
                        Json.mapper().readTree(file.toFile())));
            } catch (Exception e) {
                unreadable.add(file + ": " + reason(e));
            }
        }
        if (!unreadable.isEmpty()) {
            err.println("backup-mock verify: " + (unreadable.size() == 1 ? "a file is" : unreadable.size()
                    + " files are") + " not a pact Pact JVM can read; nothing was verified:");
            unreadable.forEach(u -> err.println("  " + u));
            err.flush();
            return NOTHING_TO_VERIFY;
        }
        List<PactFile> chosen = read.stream()
                .filter(p -> provider == null || provider.equals(p.pact().getProvider().getName())).toList();
        int interactions = chosen.stream().mapToInt(p -> p.pact().getInteractions().size()).sum();
        if (interactions == 0) {
            Set<String> providers = new TreeSet<>();
            read.forEach(p -> providers.add(p.pact().getProvider().getName()));
            err.println("backup-mock verify: nothing to verify: " + (provider != null && chosen.isEmpty()
                    ? "no pact in " + pacts + " has provider '" + provider + "'; the pacts' providers are: "
                    + providers.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                    : "the pacts in " + pacts + " hold no interactions"));
            err.flush();
            return NOTHING_TO_VERIFY;
        }
        List<String> failures = new ArrayList<>();
        int skippedPublishing = 0;
        try (BackupMockServer server = BackupMockServer.builder().noHttps().httpPort(0)
                .settings(Settings.builder().authRequired(requireAuth).validateResponses(true).build()).start()) {
            URI base = server.baseUri();
            for (PactFile p : read) {
                Path file = p.file();
                Pact pact = p.pact();
                String providerName = pact.getProvider().getName();
                if (!chosen.contains(p)) {
                    out.println("skipped " + file + ": provider '" + providerName + "'");
                    continue;
                }
                List<Interaction> all = pact.getInteractions();
                out.println("verifying " + file + ": " + pact.getConsumer().getName() + " -> " + providerName + ", "
                        + all.size() + " interaction" + (all.size() == 1 ? "" : "s"));
                JsonNode json = p.json();
                for (int i = 0; i < all.size(); i++) {
                    String unknown = unknownState(all.get(i));
                    if (unknown != null) {
                        // Pact would only say "State Change Request Failed - 400": say which state, and the known ones.
                        failures.add(file.getFileName() + ": " + all.get(i).getDescription() + "\n      "
                                + new UnknownProviderStateException(unknown).getMessage());
                        continue;
                    }
                    // One interaction a run, so every failure is reported against its interaction (V3 ones have no ids).
                    Path single = Files.createTempFile("backup-mock-pact-", ".json");
                    try {
                        ObjectNode one = json.deepCopy();
                        one.putArray("interactions").add(json.get("interactions").get(i));
                        Files.write(single, Json.mapper().writeValueAsBytes(one));
                        QuietReporters quiet = new QuietReporters();
                        for (VerificationResult result : verify(base, single, pact, quiet)) {
                            if (result instanceof VerificationResult.Failed failed) {
                                failures.add(describe(file, all.get(i), failed));
                            }
                        }
                        skippedPublishing += quiet.publishingSkipped();
                    } finally {
                        Files.deleteIfExists(single);
                    }
                }
            }
        }
        out.println();
        if (skippedPublishing > 0) {
            out.println("(Results are not published to a Pact Broker: the pacts were read from files.)");
        }
        out.println("backup-mock verify: " + chosen.size() + " pact file" + (chosen.size() == 1 ? "" : "s") + ", "
                + interactions + " interaction" + (interactions == 1 ? "" : "s") + ", " + failures.size() + " failed");
        for (String failure : failures) {
            out.println("  FAILED " + failure);
        }
        out.flush();
        return failures.isEmpty() ? 0 : MISMATCH;
    }

    /** The first provider state of the interaction the emulator does not know, or null. */
    private static String unknownState(Interaction interaction) {
        for (ProviderState state : interaction.getProviderStates()) {
            if (state.getName() != null && !ProviderStates.ALL.contains(state.getName())) {
                return state.getName();
            }
        }
        return null;
    }

    /** What went wrong reading a file, without the stack: the deepest cause's message. */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static List<VerificationResult> verify(URI base, Path file, Pact pact, QuietReporters quiet) {
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
        ProviderVerifier verifier = new ProviderVerifier();
        verifier.setReporters(quiet.wrap(verifier.getReporters()));
        return verifier.verifyProvider(providerInfo);
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
            throw new UsageException("--pacts: " + pacts + " is not a folder");
        }
        try (Stream<Path> walk = Files.walk(pacts)) {
            return walk.filter(f -> f.toString().endsWith(".json") && Files.isRegularFile(f)).sorted().toList();
        }
    }
}
