package io.backupmock.server.store;

import java.nio.file.Path;

/** A state directory the emulator cannot start on: unwritable, held by another emulator, or of another format. */
public final class StateDirException extends RuntimeException {
    public StateDirException(Path dir, String why) {
        super("state directory " + dir + ": " + why);
    }

    public StateDirException(Path dir, String why, Throwable cause) {
        super("state directory " + dir + ": " + why, cause);
    }
}
