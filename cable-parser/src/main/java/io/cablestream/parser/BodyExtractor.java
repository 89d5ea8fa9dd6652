package io.cablestream.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Summary and comment spans, signers and the redaction count: the fields read from the text of the body. */
final class BodyExtractor {

    private static final Set<String> NOT_SIGNERS = Set.of("END", "BT", "NNNN", "SIPDIS", "NOFORN", "UNCLASSIFIED",
            "CONFIDENTIAL", "SECRET", "COMMENT", "SUMMARY", "TEXT", "NOTE", "THANKS", "REGARDS", "MINIMIZE",
            "CONSIDERED", "SENSITIVE", "UNCLAS", "EXDIS", "NODIS");

    private BodyExtractor() {
    }

    /**
     * {@code Summary: ... End Summary} (likewise COMMENT), read in the normalised text after the body start and
     * rebuilt from the text lines it covers, so that page breaks inside it are dropped.
     */
    static String span(CableText text, String word) {
        String s = text.source;
        if (text.bodyStart >= text.size()) {
            return null;
        }
        VariantFinder words = new VariantFinder(s, word);
        VariantFinder ends = new VariantFinder(s, "END " + word);
        VariantFinder endsOf = new VariantFinder(s, "END OF " + word);
        int from = text.offsets[text.bodyStart];
        for (int guard = 0; guard < 200; guard++) {
            int at = words.next(from);
            if (at < 0) {
                return null;
            }
            from = at + word.length();
            int after = from;
            boolean wordStart = at == 0 || !Character.isLetter(s.charAt(at - 1));
            boolean precededByEnd = at >= 4 && s.regionMatches(true, at - 4, "END", 0, 3);
            if (!wordStart || precededByEnd || after >= s.length()) {
                continue;
            }
            char c = s.charAt(after);
            if (c != ':' && c != '.' && c != ' ' && c != '-' && c != '\n') {
                continue;
            }
            int end = ends.next(after);
            int endOf = endsOf.next(after);
            if (end < 0 || (endOf >= 0 && endOf < end)) {
                end = endOf;
            }
            if (end < 0 || end - after > 20_000) {
                return null;
            }
            return trim(join(text, after, end));
        }
        return null;
    }

    /** The characters [from, to) of the source, line by line, skipping page furniture; joined with spaces. */
    private static String join(CableText text, int from, int to) {
        StringBuilder b = new StringBuilder(to - from);
        for (int i = text.lineAt(from); i < text.size() && text.offsets[i] < to; i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.PAGE_BREAK || k == LineKind.FURNITURE || k == LineKind.BLANK) {
                continue;
            }
            int start = Math.max(from, text.offsets[i]) - text.offsets[i];
            int end = Math.min(to - text.offsets[i], text.lines[i].length());
            if (start < end) {
                if (b.length() > 0) {
                    b.append(' ');
                }
                b.append(text.lines[i], start, end);
            }
        }
        return b.toString();
    }

    /** Without the ":" or "." after the keyword and the "." before its end marker. */
    private static String trim(String s) {
        int i = 0;
        int j = s.length();
        while (i < j && (s.charAt(i) == ':' || s.charAt(i) == '.' || s.charAt(i) == '-' || s.charAt(i) == ' ')) {
            i++;
        }
        while (j > i && (s.charAt(j - 1) == '.' || s.charAt(j - 1) == ' ')) {
            j--;
        }
        return i < j ? s.substring(i, j) : null;
    }

    /**
     * A keyword as cables write it (upper, lower, capitalised, title case): each variant's next position is kept,
     * so a run of searches reads the text about once per variant.
     */
    static final class VariantFinder {
        private final String s;
        private final String[] variants;
        private final int[] next;

        VariantFinder(String s, String word) {
            this.s = s;
            String lower = word.toLowerCase(Locale.ROOT);
            StringBuilder title = new StringBuilder(lower);
            for (int i = 0; i < title.length(); i++) {
                if (i == 0 || title.charAt(i - 1) == ' ') {
                    title.setCharAt(i, Character.toUpperCase(title.charAt(i)));
                }
            }
            this.variants = new String[]{word, lower, word.charAt(0) + lower.substring(1), title.toString()};
            this.next = new int[]{-2, -2, -2, -2};
        }

        int next(int from) {
            int best = -1;
            for (int v = 0; v < variants.length; v++) {
                if (next[v] != -1 && next[v] < from) {
                    next[v] = s.indexOf(variants[v], from);
                }
                if (next[v] >= 0 && (best < 0 || next[v] < best)) {
                    best = next[v];
                }
            }
            return best;
        }
    }

    /** Signers: the surnames on the last lines, also when glued to the text before them ("END COMMENT SCOTT"). */
    static List<String> signers(CableText text) {
        List<String> out = new ArrayList<>();
        int last = text.size() - 1;
        while (last >= 0 && (text.kinds[last] == LineKind.BLANK || text.kinds[last] == LineKind.END
                || text.kinds[last] == LineKind.BT || text.kinds[last] == LineKind.PAGE_BREAK
                || text.kinds[last] == LineKind.FURNITURE || text.kinds[last] == LineKind.CAVEAT
                || text.kinds[last] == LineKind.CLASSIFICATION_BARE)) {
            last--;
        }
        if (last < Math.max(0, text.bodyStart) + 1) {
            return out;
        }
        String line = text.lines[last];
        if (isName(line)) {
            out.add(line);
            return out;
        }
        // run together with the text: the last word(s) after "END COMMENT" or a sentence end
        int cut = Math.max(line.lastIndexOf(". "), line.lastIndexOf("COMMENT "));
        String upper = line.toUpperCase(Locale.ROOT);
        int end = Math.max(upper.lastIndexOf("END COMMENT"), upper.lastIndexOf("END SUMMARY"));
        if (end >= 0) {
            cut = Math.max(cut, end + 11);
        }
        if (cut >= 0 && cut < line.length() - 2) {
            String tail = line.substring(cut + 1).replaceFirst("^[.\\s]+", "").trim();
            if (isName(tail)) {
                out.add(tail);
            }
        }
        return out;
    }

    /** One or two upper-case words of letters: {@code SCOTT}, {@code VAN VOORST}. */
    private static boolean isName(String s) {
        if (s.isEmpty() || s.length() > 30) {
            return false;
        }
        String[] words = s.split(" ");
        if (words.length > 2) {
            return false;
        }
        for (String w : words) {
            if (w.length() < 2 || NOT_SIGNERS.contains(w)) {
                return false;
            }
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!(c >= 'A' && c <= 'Z') && c != '-' && c != '\'') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Redactions are runs of X in the release ({@code XXXXXXXXXXXX}); older pages write them in lower case. */
    static int redactions(String text) {
        return runs(text, "XXXXXX", 'X') + runs(text, "xxxxxx", 'x');
    }

    /** Runs of at least six {@code x} that stand as a word of their own. */
    private static int runs(String text, String six, char x) {
        int count = 0;
        int at = text.indexOf(six);
        while (at >= 0) {
            int end = at + six.length();
            while (end < text.length() && text.charAt(end) == x) {
                end++;
            }
            boolean alone = (at == 0 || !Character.isLetter(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetter(text.charAt(end)));
            if (alone) {
                count++;
            }
            at = text.indexOf(six, end);
        }
        return count;
    }
}
