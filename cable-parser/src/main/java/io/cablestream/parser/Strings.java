package io.cablestream.parser;

/** Small string helpers used on every cable, written out because their regex versions compile a pattern per call. */
final class Strings {

    private Strings() {
    }

    /** Runs of whitespace to one space, trimmed. */
    static String collapse(CharSequence s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /** {@code 9} as {@code "09"}: the two-digit year of a cable id. */
    static String twoDigits(int year) {
        int y = Math.floorMod(year, 100);
        return y < 10 ? "0" + y : Integer.toString(y);
    }

    /** Only A-Z and 0-9 kept. */
    static String alphanumeric(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.length() == s.length() ? s : b.toString();
    }

    /** Whitespace-separated tokens, without a regex. */
    static java.util.List<String> tokens(String s) {
        java.util.List<String> out = new java.util.ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            int j = i;
            while (j < n && !Character.isWhitespace(s.charAt(j))) {
                j++;
            }
            if (j > i) {
                out.add(s.substring(i, j));
            }
            i = j;
        }
        return out;
    }

    /** Does {@code s} hold a lower-case letter (a text of mixed case)? */
    static boolean hasLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLowerCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** An underline or rule: three or more dashes, underscores, equals signs or stars (blanks between). */
    static boolean isRule(String line) {
        if (line.length() < 3) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            if ("-_=*\u2010\u2013 ".indexOf(line.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
