package io.backupmock.server.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupmock.server.cli.Main;
import io.backupmock.server.identity.EmulatedIdentity;
import io.backupmock.server.wire.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Azure CLI (Debian's {@code azure-cli}), unmodified and offline, against the standalone
 * emulator over HTTPS: a custom cloud with the emulator as resource manager, {@code az login
 * --identity} through the emulator's managed-identity endpoint ({@code MSI_ENDPOINT}), then
 * {@code az backup}: backup-now, job show, job wait, job stop, job list with its filters, container
 * and item list, and an unknown job. Every command runs in a fresh {@code AZURE_CONFIG_DIR} (a copy
 * of the one the log-in left), never the user's {@code ~/.azure}.
 *
 * <p>The emulator's clock is virtual and stands still; the test moves it through the admin API. A
 * backup's operation succeeds at once, so backup-now prints the job without polling, still
 * InProgress. {@code az backup job wait} reads the job, reads it again at once while it runs, then
 * sleeps 30 s between reads. A latency fault holds its first read 8 s, during which the test moves
 * the clock past the job's end: the second read finds the job Completed, and the wait costs one
 * sleep, during which the other commands run.
 */
@org.junit.jupiter.api.extension.ExtendWith(SkipReasons.class)
class AzureCliInteropTest {
    static final String SUB = "0a2b4c6d-0000-4000-8000-000000000016";
    static final String RG = "cliVaultRG";
    static final String VAULT = "cliVault";
    static final String VAULT_PATH = "/subscriptions/" + SUB + "/resourceGroups/" + RG
            + "/providers/Microsoft.RecoveryServices/vaults/" + VAULT;
    static final String CONFIG = """
            clock: {mode: virtual}
            validateResponses: true
            vaults:
              - subscriptionId: %s
                resourceGroup: %s
                name: %s
                items:
                  - vm: appRG/appVM
                nextJobs:
                  - operation: Backup
                    tasks: [["Take Snapshot", "PT10S"], ["Transfer data to vault", "PT20S"]]
                    trigger: {inProgressFor: PT0S}
                  - operation: Backup
                    tasks: [["Take Snapshot", "PT10M"], ["Transfer data to vault", "PT50M"]]
                    trigger: {inProgressFor: PT0S}
            """.formatted(SUB, RG, VAULT);
    private static final DateTimeFormatter AZ_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);

    @TempDir
    Path dir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private Path az;
    private String https;
    private String admin;
    private Path pem;
    private Path loggedIn;
    private int configDirs;

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void theAzureCliLogsInAndFollowsABackupJob() throws Exception {
        long started = System.nanoTime();
        az = findAz();
        assertThat(az != null || System.getenv("CI") == null)
                .as("CI must run the Azure CLI interop test: .ci/run installs azure-cli").isTrue();
        if (az == null) {
            System.out.println("AzureCliInteropTest skipped: no 'az' on PATH; install it with "
                    + "'apt-get install -y azure-cli' (.ci/run does)");
        }
        assumeTrue(az != null, "skipped: the Azure CLI is absent; install it with 'apt-get install -y azure-cli'");
        startEmulator();

        // Log-in: a custom cloud whose resource manager is the emulator, then the managed identity.
        az(true, "cloud", "register", "-n", "backupmock", "--endpoint-resource-manager", https + "/",
                "--endpoint-active-directory", https,
                "--endpoint-active-directory-resource-id", "https://management.core.windows.net/",
                "--endpoint-active-directory-graph-resource-id", "https://graph.windows.net/").ok();
        az(true, "cloud", "set", "-n", "backupmock").ok();
        JsonNode accounts = az(true, "login", "--identity").ok().json();
        assertThat(accounts.get(0).get("id").asText()).as("the configured subscription comes first").isEqualTo(SUB);
        assertThat(accounts.get(0).get("isDefault").asBoolean()).isTrue();
        assertThat(accounts.get(0).get("tenantId").asText()).isEqualTo(EmulatedIdentity.TENANT_ID);
        assertThat(accounts.get(0).at("/user/name").asText()).isEqualTo("systemAssignedIdentity");
        assertThat(names(accounts.findValues("id"))).as("and the default one")
                .contains("00000000-0000-0000-0000-000000000000");
        assertThat(journal()).as("az asked the token endpoint as msrestazure does").anySatisfy(r -> {
            assertThat(r.get("method").asText()).isEqualTo("POST");
            assertThat(r.get("path").asText()).isEqualTo("/metadata/identity/oauth2/token");
            assertThat(r.at("/headers/metadata").asText()).isEqualTo("true");
            assertThat(r.get("body").asText()).isEqualTo("resource=https%3A%2F%2Fmanagement.core.windows.net%2F");
        });

        // A backup: the job is printed right after its operation succeeds, still running.
        JsonNode first = az(false, "backup", "protection", "backup-now", "-g", RG, "-v", VAULT, "-c", "appVM",
                "-i", "appVM", "--backup-management-type", "AzureIaasVM",
                "--query", "{name:name, operation:properties.operation, status:properties.status}").ok().json();
        String job = first.get("name").asText();
        assertThat(first.get("operation").asText()).isEqualTo("Backup");
        assertThat(first.get("status").asText()).isEqualTo("InProgress");
        JsonNode shown = az(false, "backup", "job", "show", "-g", RG, "-v", VAULT, "-n", job, "--query",
                "{status:properties.status, tasks:properties.extendedInfo.tasksList[].[taskId, status]}").ok().json();
        assertThat(shown.get("status").asText()).isEqualTo("InProgress");
        assertThat(shown.get("tasks"))
                .isEqualTo(json("[['Take Snapshot','InProgress'],['Transfer data to vault','NotStarted']]"));

        // job wait reads the job, at once again while it runs, then every 30 s. Its first read is held
        // 8 s (a latency fault): meanwhile the clock moves past the job's end, so the second read finds
        // it Completed and the wait costs one of az's sleeps.
        int readsBefore = reads(job);
        adminCall("POST", "/faults", "{\"method\":\"GET\",\"pathContains\":\"/backupJobs/" + job
                + "\",\"latency\":\"PT8S\",\"times\":1}");
        Running wait = start(false, "backup", "job", "wait", "-g", RG, "-v", VAULT, "-n", job,
                "--query", "{name:name, status:properties.status, duration:properties.duration}");
        awaitFirstRead(wait);
        advanceClock("PT1M");

        // Meanwhile, while az sleeps: a second backup, stopped and seen cancelled.
        String second = az(false, "backup", "protection", "backup-now", "-g", RG, "-v", VAULT, "-c", "appVM",
                "-i", "appVM", "--backup-management-type", "AzureIaasVM", "--query", "name").ok().json().asText();
        Result stop = az(false, "backup", "job", "stop", "-g", RG, "-v", VAULT, "-n", second).ok();
        assertThat(stop.stdout).isBlank();
        assertThat(az(false, "backup", "job", "show", "-g", RG, "-v", VAULT, "-n", second,
                "--query", "properties.status").ok().json().asText()).isEqualTo("Cancelling");
        advanceClock("PT5S");
        assertThat(az(false, "backup", "job", "show", "-g", RG, "-v", VAULT, "-n", second,
                "--query", "properties.status").ok().json().asText()).isEqualTo("Cancelled");

        // job list with --status, --operation and a date range, in which both jobs started, and one in the past.
        LocalDate today = LocalDate.ofInstant(clock(), ZoneOffset.UTC);
        String from = AZ_DATE.format(today.minusDays(1));
        String to = AZ_DATE.format(today.plusDays(1));
        assertThat(names(az(false, "backup", "job", "list", "-g", RG, "-v", VAULT, "--status", "Completed",
                "--operation", "Backup", "--start-date", from, "--end-date", to, "--query", "[].name").ok().json()))
                .containsExactly(job);
        assertThat(names(az(false, "backup", "job", "list", "-g", RG, "-v", VAULT, "--status", "Cancelled",
                "--operation", "Backup", "--start-date", from, "--end-date", to, "--query", "[].name").ok().json()))
                .containsExactly(second);
        assertThat(names(az(false, "backup", "job", "list", "-g", RG, "-v", VAULT, "--start-date",
                AZ_DATE.format(today.minusDays(30)), "--end-date", AZ_DATE.format(today.minusDays(2)),
                "--query", "[].name").ok().json())).isEmpty();
        assertThat(names(az(false, "backup", "job", "list", "-g", RG, "-v", VAULT, "--query", "[].name")
                .ok().json())).containsExactly(second, job);

        // What backup-now read first, as the CLI lists it.
        JsonNode containers = az(false, "backup", "container", "list", "-g", RG, "-v", VAULT,
                "--backup-management-type", "AzureIaasVM",
                "--query", "[].{name:name, friendlyName:properties.friendlyName}").ok().json();
        assertThat(containers)
                .isEqualTo(json("[{'name':'IaasVMContainer;iaasvmcontainerv2;appRG;appVM','friendlyName':'appVM'}]"));
        JsonNode items = az(false, "backup", "item", "list", "-g", RG, "-v", VAULT,
                "--query", "[].{name:name, state:properties.protectionState, last:properties.lastBackupStatus}")
                .ok().json();
        assertThat(items)
                .isEqualTo(json("[{'name':'VM;iaasvmcontainerv2;appRG;appVM','state':'Protected','last':'Cancelled'}]"));

        // An unknown job, as az prints the service's error.
        Result unknown = az(false, "backup", "job", "show", "-g", RG, "-v", VAULT, "-n",
                "11111111-2222-3333-4444-555555555555");
        assertThat(unknown.exit).isNotZero();
        assertThat(unknown.stderr).contains("(ResourceNotFound) The job '11111111-2222-3333-4444-555555555555' "
                + "was not found in vault '" + VAULT + "'.", "Code: ResourceNotFound");

        // The wait ends once az reads the job Completed.
        Result waited = wait.finish(Duration.ofMinutes(3)).ok();
        assertThat(waited.json().get("name").asText()).isEqualTo(job);
        assertThat(waited.json().get("status").asText()).isEqualTo("Completed");
        assertThat(waited.json().get("duration").asText()).isEqualTo("0:00:30");
        assertThat(reads(job)).as("az read the job InProgress, at once again Completed, slept 30 s and stopped")
                .isEqualTo(readsBefore + 2);
        assertThat(waited.elapsed).as("one of az's 30 s sleeps").isGreaterThanOrEqualTo(Duration.ofSeconds(38));

        assertThat(journal()).as("no answer failed its schema or the emulator")
                .allSatisfy(r -> assertThat(r.get("status").asInt()).as(r.toString()).isLessThan(500));
        System.out.printf("AzureCliInteropTest: %d az commands in %d s%n", configDirs,
                Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    // --- the emulator -------------------------------------------------------------------------

    private void startEmulator() throws Exception {
        Path config = dir.resolve("config.yaml");
        Files.writeString(config, CONFIG);
        pem = dir.resolve("backup-mock.pem");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--port", "0", "--http-port", "0", "--cert-out", pem.toString(), "--config", config.toString())
                .redirectError(dir.resolve("emulator.err").toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("BACKUP_MOCK_"));
        Process emulator = builder.start();
        processes.add(emulator);
        BufferedReader out = new BufferedReader(new InputStreamReader(emulator.getInputStream(), StandardCharsets.UTF_8));
        // Each start line is a base URL, then the admin API's: a script takes its first word.
        https = firstWord(out.readLine());
        admin = firstWord(out.readLine());
        assertThat(https).as("the emulator's HTTPS URL; stderr: %s", stderrOfEmulator()).startsWith("https://");
        assertThat(admin).startsWith("http://");
    }

    private static String firstWord(String line) {
        return line == null ? null : line.strip().split("\\s+")[0];
    }

    private String stderrOfEmulator() {
        try {
            return Files.readString(dir.resolve("emulator.err"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private String adminCall(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(admin + "/backupmock/admin" + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s %s: %s", method, path, response.body()).isLessThan(300);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> journal() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Json.mapper().readTree(adminCall("GET", "/journal", null)).get("requests").forEach(out::add);
        return out;
    }

    /** How many times the job has been read (GET of its URL). */
    private int reads(String job) throws IOException {
        String path = (VAULT_PATH + "/backupJobs/" + job).toLowerCase(Locale.ROOT);
        return (int) journal().stream().filter(r -> r.get("method").asText().equals("GET")
                && r.get("path").asText().toLowerCase(Locale.ROOT).equals(path)).count();
    }

    /** Polls the faults in force until the one holding az's first read of the job has fired, and is used up. */
    private void awaitFirstRead(Running running) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Json.mapper().readTree(adminCall("GET", "/faults", null)).get("faults").isEmpty()) {
            assertThat(running.process.isAlive()).as("az job wait ended early: %s", running.output()).isTrue();
            assertThat(System.nanoTime()).as("az job wait read the job within 2 minutes").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void advanceClock(String duration) {
        adminCall("POST", "/clock", "{\"advance\":\"" + duration + "\"}");
        System.out.println("(the emulator's clock moves " + duration + ")");
    }

    private Instant clock() throws IOException {
        return Instant.parse(Json.mapper().readTree(adminCall("GET", "/clock", null)).get("instant").asText());
    }

    /** JSON written with single quotes, for readable expectations. */
    private static JsonNode json(String singleQuoted) throws IOException {
        return Json.mapper().readTree(singleQuoted.replace('\'', '"'));
    }

    private static List<String> names(Iterable<JsonNode> array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // --- az -----------------------------------------------------------------------------------

    private static Path findAz() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String entry : path.split(File.pathSeparator)) {
            Path candidate = Path.of(entry.isEmpty() ? "." : entry, "az");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Result az(boolean keepConfig, String... args) throws Exception {
        return start(keepConfig, args).finish(Duration.ofMinutes(2));
    }

    /**
     * Starts {@code az args} in a fresh configuration directory, a copy of the one the log-in left
     * ({@code keepConfig}: the next commands start from this one's).
     */
    private Running start(boolean keepConfig, String... args) throws IOException {
        Path config = dir.resolve("azure-config-" + (++configDirs));
        Files.createDirectories(config);
        if (loggedIn != null) {
            copy(loggedIn, config);
        }
        if (keepConfig) {
            loggedIn = config;
        }
        List<String> command = new ArrayList<>(List.of(az.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(config.resolveSibling(config.getFileName() + ".out").toFile())
                .redirectError(config.resolveSibling(config.getFileName() + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AZURE_") || k.startsWith("MSI_") || k.startsWith("IDENTITY_")
                || k.startsWith("APPSETTING_") || k.equalsIgnoreCase("REQUESTS_CA_BUNDLE")
                || k.toLowerCase(Locale.ROOT).endsWith("_proxy"));
        env.put("AZURE_CONFIG_DIR", config.toString());
        env.put("AZURE_CORE_COLLECT_TELEMETRY", "false");
        env.put("REQUESTS_CA_BUNDLE", pem.toString());
        env.put("MSI_ENDPOINT", https + "/metadata/identity/oauth2/token");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        Running running = new Running(String.join(" ", command.subList(1, command.size())), config,
                builder.start(), System.nanoTime());
        processes.add(running.process);
        return running;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** An az command under way. */
    private record Running(String args, Path config, Process process, long startedNanos) {
        String output() throws IOException {
            return read(".out") + read(".err");
        }

        String read(String suffix) throws IOException {
            Path file = config.resolveSibling(config.getFileName() + suffix);
            return Files.exists(file) ? Files.readString(file) : "";
        }

        Result finish(Duration timeout) throws Exception {
            boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            assertThat(done).as("az %s finished within %s: %s", args, timeout, output()).isTrue();
            Result result = new Result(args, process.exitValue(), read(".out"), read(".err"), elapsed);
            System.out.printf("$ az %s%n%s%s(exit %d, %.1f s)%n%n", args, result.stdout,
                    result.stderr.isEmpty() ? "" : "[stderr] " + result.stderr, result.exit,
                    elapsed.toMillis() / 1000.0);
            return result;
        }
    }

    /** A finished az command. */
    private record Result(String args, int exit, String stdout, String stderr, Duration elapsed) {
        Result ok() {
            assertThat(exit).as("exit code of az %s; stderr: %s", args, stderr).isZero();
            return this;
        }

        JsonNode json() throws IOException {
            return Json.mapper().readTree(stdout);
        }
    }
}
