package io.cablestream.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * The bullets of a REF block, in their order: {@code A.}, {@code A)}, {@code (A)}, {@code A:}, {@code ¶B.},
 * {@code (1)}, and bare letters ({@code REF A WELLINGTON 721 B WELLINGTON 690}) when both A and B are bare. Only the
 * next label of the sequence counts, so {@code U.S.}, initials and a repeated label ({@code A. A) ROME 2543}) stay
 * text.
 */
final class ReferenceBullets {

    private ReferenceBullets() {
    }

    /** {start, end, label} of each bullet in {@code s}. */
    static List<int[]> find(String s) {
        List<int[]> marked = scan(s, false);
        List<int[]> bare = scan(s, true);
        // bare letters only when they run at least A, B (and beat the marked ones)
        return bare.size() >= 2 && bare.size() > marked.size() ? bare : marked;
    }

    static String label(String s, int[] bullet) {
        return String.valueOf((char) bullet[2]);
    }

    private static List<int[]> scan(String s, boolean bareLetters) {
        List<int[]> out = new ArrayList<>();
        char expected = 0;
        int n = s.length();
        for (int i = 0; i < n && out.size() < 52; i++) {
            if (i > 0 && " \t;,".indexOf(s.charAt(i - 1)) < 0) {
                continue;
            }
            int p = i;
            if (s.charAt(p) == '\u00b6') {
                p++;
            }
            if (p < n && s.charAt(p) == '-' && p + 1 < n && s.charAt(p + 1) == ' ') {
                p += 2;
                while (p < n && s.charAt(p) == ' ') {
                    p++;
                }
            }
            int[] bullet = bullet(s, p, expected, bareLetters);
            if (bullet != null) {
                out.add(new int[]{i, bullet[0], bullet[1]});
                expected = (char) (bullet[1] + 1);
                i = bullet[0] - 1;
            }
        }
        return out;
    }

    /** {end, label} of a bullet at {@code p} with the expected label (A or 1 when none yet), or null. */
    private static int[] bullet(String s, int p, char expected, boolean bareLetters) {
        int n = s.length();
        if (p + 1 >= n) {
            return null;
        }
        char c = s.charAt(p);
        if (c == '(' && p + 2 < n && s.charAt(p + 2) == ')' && matches(s.charAt(p + 1), expected, true)) {
            return new int[]{p + 3, s.charAt(p + 1)};
        }
        if (!matches(c, expected, false)) {
            return null;
        }
        char next = s.charAt(p + 1);
        if (bareLetters) {
            return next == ' ' && p + 2 < n && Character.isLetterOrDigit(s.charAt(p + 2)) ? new int[]{p + 1, c} : null;
        }
        if (next == ')' || next == ':') {
            return new int[]{p + 2, c};
        }
        if (next == '.' && (p + 2 == n || !Character.isLetter(s.charAt(p + 2)) || s.charAt(p + 2) == ' ')) {
            return new int[]{p + 2, c};
        }
        return null;
    }

    /** Is {@code c} the label expected next: A or 1 first (digits only in brackets), then the one after the last? */
    private static boolean matches(char c, char expected, boolean bracketed) {
        if (expected == 0) {
            return c == 'A' || (bracketed && c == '1');
        }
        return c == expected;
    }
}
