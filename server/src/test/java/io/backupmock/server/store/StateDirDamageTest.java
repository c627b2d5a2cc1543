package io.backupmock.server.store;

import static io.backupmock.server.store.StateClient.BACKUP;
import static io.backupmock.server.store.StateClient.item;
import static io.backupmock.server.store.StateClient.vault;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backupmock.server.BackupMockServer;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A log cut short or followed by junk keeps every whole record before the damage, and says so; a wrong directory refuses the start. */
class StateDirDamageTest {
    @TempDir
    Path dir;
    final String sub = UUID.randomUUID().toString();

    /** On the system clock (no clock records): the log holds exactly one record per trigger. */
    BackupMockServer start() {
        return StateDirRestartTest.start(dir, Clock.systemUTC());
    }

    Path log() {
        return dir.resolve(StateStore.LOG_FILE);
    }

    /** Fires {@code n} triggers; answers the log's length after each. */
    long[] trigger(int n) throws IOException {
        long[] ends = new long[n];
        try (BackupMockServer server = start()) {
            StateClient client = new StateClient(server);
            for (int i = 0; i < n; i++) {
                assertThat(client.send("POST", item(sub) + "/backup", BACKUP).status()).isEqualTo(202);
                ends[i] = Files.size(log());
            }
        }
        return ends;
    }

    int jobsAfterRestart(List<String> warnings) {
        try (BackupMockServer server = start()) {
            warnings.addAll(server.stateWarnings());
            return new StateClient(server).get(vault(sub) + "/backupJobs").json().path("value").size();
        }
    }

    List<Path> damagedFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(StateStore.LOG_FILE + ".damaged-")).toList();
        }
    }

    @Test
    void aRecordCutShortIsDroppedAndEveryOneBeforeItKept() throws Exception {
        long[] ends = trigger(3);
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
            file.setLength(ends[2] - 7); // a crash while the third record was written
        }
        List<String> warnings = new java.util.ArrayList<>();
        assertThat(jobsAfterRestart(warnings)).isEqualTo(2);
        assertThat(warnings).singleElement().asString().contains(log().toString(), "cut short", "after 2 whole records");
        assertThat(damagedFiles()).singleElement().satisfies(f -> assertThat(Files.size(f)).isEqualTo(ends[2] - 7 - ends[1]));
        assertThat(Files.size(log())).as("cut at the last whole record").isEqualTo(ends[1]);

        List<String> again = new java.util.ArrayList<>();
        assertThat(jobsAfterRestart(again)).isEqualTo(2);
        assertThat(again).as("nothing left to warn about").isEmpty();
    }

    @Test
    void junkAfterTheLastRecordIsMovedAside() throws Exception {
        long[] ends = trigger(3);
        byte[] junk = "}}} not a record at all, but long enough to look like one".getBytes(StandardCharsets.UTF_8);
        Files.write(log(), junk, StandardOpenOption.APPEND);
        List<String> warnings = new java.util.ArrayList<>();
        assertThat(jobsAfterRestart(warnings)).isEqualTo(3);
        assertThat(warnings).singleElement().asString().contains(log().toString(), "after 3 whole records");
        assertThat(Files.readAllBytes(damagedFiles().get(0))).isEqualTo(junk);
        assertThat(Files.size(log())).isEqualTo(ends[2]);
    }

    @Test
    void aRecordThatDoesNotMatchItsChecksumEndsWhatIsRead() throws Exception {
        long[] ends = trigger(3);
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
            long at = ends[0] + 20; // inside the second record's payload
            file.seek(at);
            int b = file.read();
            file.seek(at);
            file.write(b ^ 0x5A);
        }
        List<String> warnings = new java.util.ArrayList<>();
        assertThat(jobsAfterRestart(warnings)).isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("checksum", "after 1 whole records");
    }

    @Test
    void aLogOfAnotherFormatVersionRefusesTheStart() throws Exception {
        trigger(1);
        try (RandomAccessFile file = new RandomAccessFile(log().toFile(), "rw")) {
            file.seek(StateStore.MAGIC.length);
            file.writeInt(99);
        }
        assertThatThrownBy(this::start).isInstanceOf(StateDirException.class)
                .hasMessageContaining("format version 99").hasMessageContaining("version " + StateStore.FORMAT);
        assertThatThrownBy(this::start).as("refused again for its format: the lock was let go, nothing rewritten")
                .isInstanceOf(StateDirException.class).hasMessageContaining("format version 99");
    }

    @Test
    void aFileThatIsNoStateLogRefusesTheStart() throws Exception {
        Files.writeString(log(), "hello, I am someone else's file\n");
        assertThatThrownBy(this::start).isInstanceOf(StateDirException.class)
                .hasMessageContaining("not a backup-mock state log");
        assertThat(Files.readString(log())).isEqualTo("hello, I am someone else's file\n");
    }

    @Test
    void aDirectoryInUseRefusesASecondEmulator() {
        try (BackupMockServer first = start()) {
            assertThatThrownBy(this::start).isInstanceOf(StateDirException.class)
                    .hasMessageContaining("in use by another running emulator")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            assertThat(new StateClient(first).send("POST", item(sub) + "/backup", BACKUP).status())
                    .as("the first one runs on").isEqualTo(202);
        }
        try (BackupMockServer again = start()) {
            assertThat(again.stateWarnings()).isEmpty();
        }
    }

    @Test
    void aPathThatIsNoWritableDirectoryRefusesTheStart() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        assertThatThrownBy(() -> StateStore.open(file)).isInstanceOf(StateDirException.class)
                .hasMessageContaining("a-file");
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        readOnly.toFile().setWritable(false, false);
        try {
            if (!Files.isWritable(readOnly)) { // root writes anywhere
                assertThatThrownBy(() -> StateStore.open(readOnly)).isInstanceOf(StateDirException.class)
                        .hasMessageContaining("not writable");
            }
        } finally {
            readOnly.toFile().setWritable(true, false);
        }
    }

    @Test
    void aFreshLogIsAHeaderOnly() throws Exception {
        try (StateStore store = StateStore.open(dir)) {
            store.begin(null);
            assertThat(store.recovered()).isEmpty();
        }
        byte[] bytes = Files.readAllBytes(log());
        assertThat(bytes).hasSize(StateStore.HEADER_BYTES);
        assertThat(ByteBuffer.wrap(bytes, StateStore.MAGIC.length, 4).getInt()).isEqualTo(StateStore.FORMAT);
    }
}
