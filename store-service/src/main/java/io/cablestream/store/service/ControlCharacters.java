package io.cablestream.store.service;

/**
 * PostgreSQL {@code text} and {@code jsonb} cannot hold NUL. The store replaces it, and the other C0 control
 * characters the parser replaces (all but tab, LF, CR and FF), with U+FFFD where it must keep text.
 */
public final class ControlCharacters {

    public static final char REPLACEMENT = '\uFFFD';

    private ControlCharacters() {
    }

    public static boolean hasNul(String s) {
        return s != null && s.indexOf('\0') >= 0;
    }

    /** The text with each C0 control character but tab, LF, CR and FF replaced by U+FFFD. */
    public static String replaced(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                if (b == null) {
                    b = new StringBuilder(s.length()).append(s, 0, i);
                }
                b.append(REPLACEMENT);
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** The text with NUL replaced by U+FFFD, the only character PostgreSQL text cannot hold. */
    public static String withoutNul(String s) {
        return hasNul(s) ? s.replace('\0', REPLACEMENT) : s;
    }
}
