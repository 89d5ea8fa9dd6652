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

    /** The body's text lines joined with single spaces: what summary and comment are read from. */
    static String bodyText(CableText text) {
        StringBuilder b = new StringBuilder();
        for (int i = Math.max(0, text.bodyStart); i < text.size(); i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.PARAGRAPH || k == LineKind.TEXT) {
                b.append(text.lines[i]).append(' ');
            }
        }
        return b.toString();
    }

    /** {@code Summary: ... End Summary}; without its end marker, the rest of the paragraph it starts. */
    static String span(String body, String upper, String word) {
        int from = 0;
        while (true) {
            int at = upper.indexOf(word, from);
            if (at < 0) {
                return null;
            }
            from = at + word.length();
            boolean wordStart = at == 0 || !Character.isLetter(upper.charAt(at - 1));
            boolean precededByEnd = at >= 4 && upper.startsWith("END", at - 4);
            int after = at + word.length();
            if (!wordStart || precededByEnd || after >= upper.length()) {
                continue;
            }
            char c = upper.charAt(after);
            if (c != ':' && c != '.' && c != ' ' && c != '-') {
                continue;
            }
            int start = after + 1;
            int end = upper.indexOf("END " + word, start);
            if (end < 0) {
                end = upper.indexOf("END OF " + word, start);
            }
            if (end < 0 || end - start > 20_000) {
                return null;
            }
            String s = body.substring(start, end).trim();
            s = s.replaceFirst("^[:.\\-\\s]+", "").replaceFirst("[\\s.]+$", "");
            return s.isEmpty() ? null : s;
        }
    }

    static String upper(String body) {
        return body.toUpperCase(Locale.ROOT);
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
        int count = 0;
        int run = 0;
        int n = text.length();
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (c == 'X' || c == 'x') {
                run++;
            } else {
                if (run >= 6 && !Character.isLetter(c) && (i - run == 0 || !Character.isLetter(text.charAt(i - run - 1)))) {
                    count++;
                }
                run = 0;
            }
        }
        return count;
    }
}
