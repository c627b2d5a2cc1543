package io.backupmock.server.cli;

/** A command line that cannot be run: the message says which flag and why; the exit code is 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
