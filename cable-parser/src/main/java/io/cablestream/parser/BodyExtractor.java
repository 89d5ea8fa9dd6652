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
        int length = 0;
        for (int i = Math.max(0, text.bodyStart); i < text.size(); i++) {
            length += text.lines[i].length() + 1;
        }
        StringBuilder b = new StringBuilder(length);
        for (int i = Math.max(0, text.bodyStart); i < text.size(); i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.PARAGRAPH || k == LineKind.TEXT) {
                b.append(text.lines[i]).append(' ');
            }
        }
        return b.toString();
    }

    /** {@code Summary: ... End Summary}; without its end marker, the rest of the paragraph it starts. */
    static String span(String body, String lower, String word) {
        String w = asciiLower(word);
        int from = 0;
        while (true) {
            int at = lower.indexOf(w, from);
            if (at < 0) {
                return null;
            }
            from = at + word.length();
            boolean wordStart = at == 0 || !Character.isLetter(body.charAt(at - 1));
            boolean precededByEnd = at >= 4 && lower.startsWith("end", at - 4);
            int after = at + word.length();
            if (!wordStart || precededByEnd || after >= body.length()) {
                continue;
            }
            char c = body.charAt(after);
            if (c != ':' && c != '.' && c != ' ' && c != '-') {
                continue;
            }
            int start = after + 1;
            int end = lower.indexOf("end " + w, start);
            if (end < 0) {
                end = lower.indexOf("end of " + w, start);
            }
            if (end < 0 || end - start > 20_000) {
                return null;
            }
            String s = body.substring(start, end).trim();
            s = s.replaceFirst("^[:.\\-\\s]+", "").replaceFirst("[\\s.]+$", "");
            return s.isEmpty() ? null : s;
        }
    }

    /** A copy with A-Z in lower case and every other character kept, so that indexes match the original. */
    static String asciiLower(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.length() == s.length()) {
            // only A-Z are searched for, so other letters in lower case do no harm; the indexes are what matters
            return lower;
        }
        byte[] b = new byte[s.length()];
        boolean latin1 = true;
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c > 0xff) {
                latin1 = false;
                break;
            }
            b[i] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        if (latin1) {
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 32;
            }
        }
        return new String(chars);
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
