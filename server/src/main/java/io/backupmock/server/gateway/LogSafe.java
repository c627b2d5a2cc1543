package io.backupmock.server.gateway;

/** Request data as it may appear in a log line: control characters escaped, so no line can be forged. */
final class LogSafe {
    private static final int MAX = 512;

    private LogSafe() {
    }

    static String text(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX) + 8);
        for (int i = 0; i < value.length() && i < MAX; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (value.length() > MAX) {
            out.append("…");
        }
        return out.toString();
    }
}
