package io.backupmock.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import java.util.Map;

/** {@code backup-mock verify --pacts DIR}: the emulator against a folder of pacts, from the command line. */
class VerifyCommandTest {
    record Run(int exitCode, String out, String err) {
    }

    static Run verify(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, Map.of(), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theShippedPactsAreHonoured() {
        Run run = verify("--pacts", "../contracts/pacts");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("azure-backup-job-tracker -> azure-backup, 11 interactions")
                .contains("1 pact file, 11 interactions, 0 failed");
    }

    @Test
    void aV3PactWithHardCodedIdsIsHonoured() {
        Run run = verify("--pacts", "src/test/resources/pacts/v3");
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("2 interactions, 0 failed");
    }

    @Test
    void wrongPactsFailWithAReportAndExitCode1() {
        Run run = verify("--pacts", "src/test/resources/pacts/wrong");
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.MISMATCH);
        assertThat(run.out()).contains("4 interactions, 4 failed")
                .contains("FAILED wrong-client-azure-backup.json: WRONG: an operation status of Success")
                .contains("FAILED wrong-client-azure-backup.json: WRONG: a backup trigger answered 200")
                .contains("expected status of 200 but was 202")
                .contains("jobID").contains("progress");
    }

    @Test
    void anEmptyFolderIsExitCode2(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "no pacts here");
        Run run = verify("--pacts", dir.toString());
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.NOTHING_TO_VERIFY);
        assertThat(run.err()).contains("no pact files");
    }

    @Test
    void aProviderNoPactHasIsExitCode2NamingTheProvidersThereAre() {
        Run run = verify("--pacts", "../contracts/pacts", "--provider", "azure-bakcup");
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.NOTHING_TO_VERIFY);
        assertThat(run.err()).contains("no pact in ../contracts/pacts has provider 'azure-bakcup'",
                "the pacts' providers are: 'azure-backup'");
        assertThat(run.out()).doesNotContain("0 failed");
    }

    @Test
    void pactsOfAnotherProviderAreSkipped(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/pacts/v3/v3-client-azure-backup.json"), dir.resolve("a.json"));
        Files.writeString(dir.resolve("b.json"), Files.readString(dir.resolve("a.json"))
                .replace("\"name\": \"azure-backup\"", "\"name\": \"someone-else\""));
        Run run = verify("--pacts", dir.toString(), "--provider", "azure-backup");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("skipped " + dir.resolve("b.json") + ": provider 'someone-else'")
                .contains("1 pact file, 2 interactions, 0 failed");
    }

    @Test
    void aMalformedPactIsExitCode2NamingTheFileAndTheError(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/pacts/v3/v3-client-azure-backup.json"), dir.resolve("good.json"));
        Files.writeString(dir.resolve("broken.json"), "{\"consumer\": {\"name\": \"c\"}, \"interactions\": [");
        Run run = verify("--pacts", dir.toString());
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.NOTHING_TO_VERIFY);
        assertThat(run.err()).contains("not a pact", dir.resolve("broken.json").toString(), "nothing was verified")
                .doesNotContain("\tat ", "Exception");
        assertThat(run.out()).doesNotContain("verifying");
    }

    @Test
    void pactsWithoutInteractionsAreExitCode2(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("empty.json"), "{\"consumer\": {\"name\": \"c\"}, \"provider\": "
                + "{\"name\": \"azure-backup\"}, \"interactions\": [], \"metadata\": {\"pactSpecification\": "
                + "{\"version\": \"3.0.0\"}}}");
        Run run = verify("--pacts", dir.toString());
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.NOTHING_TO_VERIFY);
        assertThat(run.err()).contains("nothing to verify", "hold no interactions");
    }

    @Test
    void anUnknownProviderStateIsNamedWithTheKnownOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("p.json"), Files.readString(
                Path.of("src/test/resources/pacts/v3/v3-client-azure-backup.json"))
                .replace("job {jobId} does not exist", "job {jobId} is missing"));
        Run run = verify("--pacts", dir.toString());
        assertThat(run.exitCode()).isEqualTo(VerifyCommand.MISMATCH);
        assertThat(run.out()).contains("2 interactions, 1 failed")
                .contains("unknown provider state 'job {jobId} is missing'; the known states are: ")
                .contains("job {jobId} does not exist", "vault {vault} has {count} jobs");
    }

    @Test
    void pactIsToldNotToTrackAndThePublishingNoteIsSaidOnce() {
        Run run = verify("--pacts", "src/test/resources/pacts/v3");
        assertThat(System.getProperty("pact_do_not_track")).isEqualTo("true");
        assertThat(run.out()).containsOnlyOnce("not published to a Pact Broker");
    }

    @Test
    void aMissingOrWrongPactsFolderIsExitCode2WithAHint() {
        Run missing = verify();
        assertThat(missing.exitCode()).isEqualTo(VerifyCommand.NOTHING_TO_VERIFY);
        assertThat(missing.err()).contains("--pacts", "verify --help");
        Run notAFolder = verify("--pacts", "pom.xml");
        assertThat(notAFolder.exitCode()).isEqualTo(VerifyCommand.NOTHING_TO_VERIFY);
        assertThat(notAFolder.err()).contains("pom.xml is not a folder");
        assertThat(verify("--help").out()).contains("--pacts", "--provider", "--require-auth");
    }
}
