package io.backupmock.server.cli;

import io.backupmock.server.admin.AdminApi;
import java.net.URI;

/**
 * The line printed for each base URL once the emulator is ready: the base URL first (what a
 * script reads, up to the first space), then the admin API's URL on that listener.
 */
final class StartLines {
    private StartLines() {
    }

    static String of(URI base) {
        return base + "  admin API: " + base + AdminApi.PREFIX;
    }

    /** The base URL of a start line: its first word. */
    static String baseOf(String line) {
        int space = line.indexOf(' ');
        return space < 0 ? line : line.substring(0, space);
    }
}
