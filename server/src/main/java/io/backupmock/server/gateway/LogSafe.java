package io.backupmock.server.gateway;

/**
 * Request data made safe for a log line: control characters (CR and LF above all, which would
 * forge log lines) and backslashes are escaped, and very long values are cut.
 */
public final class LogSafe {
    static final int MAX_CHARS = 512;

    private LogSafe() {
    }

    public static String escape(CharSequence value) {
        if (value == null) {
            return "null";
        }
        int length = Math.min(value.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(length + 16);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (value.length() > MAX_CHARS) {
            out.append("…(").append(value.length()).append(" chars)");
        }
        return out.toString();
    }

    /**
     * A copy of {@code failure} for a log: the same classes' names and stack frames, its messages
     * (and its causes') escaped, so a message built from request data cannot forge a line.
     */
    public static Throwable escape(Throwable failure) {
        java.util.List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = failure; t != null && chain.size() < 16; t = t.getCause()) {
            chain.add(t);
        }
        Throwable copy = null;
        for (int i = chain.size() - 1; i >= 0; i--) {
            Throwable t = chain.get(i);
            copy = new Escaped(t.getClass().getName() + (t.getMessage() == null ? "" : ": " + escape(t.getMessage())),
                    copy);
            copy.setStackTrace(t.getStackTrace());
        }
        return copy;
    }

    /** A failure as logged: its text is the original's class and escaped message. */
    private static final class Escaped extends Throwable {
        Escaped(String text, Throwable cause) {
            super(text, cause, false, true);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
