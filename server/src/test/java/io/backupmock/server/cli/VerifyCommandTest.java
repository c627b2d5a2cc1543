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
    void pactsOfAnotherProviderAreSkipped() {
        Run run = verify("--pacts", "../contracts/pacts", "--provider", "someone-else");
        assertThat(run.out()).contains("skipped").contains("0 interactions, 0 failed");
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
