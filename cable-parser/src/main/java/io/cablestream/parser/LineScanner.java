package io.cablestream.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Splits normalised text into trimmed lines and gives each its {@link LineKind}: the one scan of a cable. */
final class LineScanner {

    /** Longer lines are cut: no field is that long, and it bounds the work of every regex on a line. */
    static final int MAX_LINE = 20_000;
    /** The longest corpus cable has a few thousand lines; more is not a cable, and would only cost time. */
    static final int MAX_LINES = 20_000;

    static final Pattern DTG = Pattern.compile(
            "^(?:([ZOPR])\\s?([ZOPR])?\\s+)?(\\d{2})(\\d{2})(\\d{2})\\s?Z\\s*([A-Z]{3})\\s*(\\d{4}|\\d{2})\\b");
    static final Pattern DE = Pattern.compile(
            "^DE\\s+([A-Z]{4,7})\\s*#\\s*(\\d{1,5})(?:\\s*+/\\s*+(\\d{1,3}))?\\s+(\\d{7})?");
    private static final Pattern ROUTING = Pattern.compile("^(?:[ZOPR]{2}|[ZOPR] [ZOPR])\\s+R[A-Z]{3,}");
    private static final Pattern SECURITY = Pattern.compile("^ZN[RY]\\s+[A-Z]{5}");
    static final Pattern PAGE_BREAK = Pattern.compile(
            "^([A-Z][A-Z]*(?: [A-Z]+){0,3}) +0*(\\d{1,8}) +(\\d{3})(?:\\.\\d)? +OF +(\\d{3})$");
    private static final Pattern FURNITURE = Pattern.compile(
            "^(?:\\d{4}[A-Z]{2,}\\d{3,} - [A-Z/ ]+|Page \\d+ of \\d+|-+ ?\\d+ ?-+)$");
    static final Set<String> CAVEATS = Set.of("SIPDIS", "NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "SENSITIVE",
            "CHEROKEE", "ROGER", "DISSENT", "CHANNEL", "NOFORN/SIPDIS", "SIPDIS/NOFORN", "FOUO", "ORCON", "NOCONTRACT",
            "PROPIN", "EFTO", "E.F.T.O.", "CHEROKEE/NODIS");
    /** {@link #CAVEATS} by length, so that a token is compared with the few of its own length only. */
    private static final String[][] CAVEATS_BY_LENGTH = byLength(CAVEATS);

    private LineScanner() {
    }

    static CableText scan(String text) {
        List<String> lines = new ArrayList<>(128);
        int[] offsets = split(text, lines);
        int n = lines.size();
        String[] arr = lines.toArray(new String[0]);
        LineKind[] kinds = new LineKind[n];
        int classification = -1;
        int firstBody = -1;
        boolean inHeader = true;
        boolean inRecipients = false;
        // the classification line as classify parsed it, kept for Classification: its regex is the dearest
        ClassificationLine[] parsed = new ClassificationLine[1];
        ClassificationLine first = null;
        for (int i = 0; i < n; i++) {
            if ((i & 1023) == 1023) {
                ParseBudget.check();
            }
            String line = arr[i];
            LineKind kind = classify(line, inHeader, inRecipients, parsed);
            if (kind == LineKind.CLASSIFICATION && classification >= 0) {
                kind = LineKind.TEXT;
            }
            if (kind == LineKind.CLASSIFICATION) {
                classification = i;
                first = parsed[0];
            }
            if (isBodyStart(kind)) {
                inHeader = false;
                if (firstBody < 0) {
                    firstBody = i;
                }
            } else if (kind == LineKind.FORMAT || kind == LineKind.DE || kind == LineKind.DTG) {
                // a header below an e-mail wrapper or a quoted cable: its recipient lines are header again
                inHeader = true;
            }
            if (kind == LineKind.TO || kind == LineKind.INFO || kind == LineKind.XMT) {
                inRecipients = true;
            } else if (kind != LineKind.RECIPIENT && kind != LineKind.PAGE_BREAK) {
                inRecipients = false;
            }
            kinds[i] = kind;
        }
        int bodyStart = classification >= 0 ? classification : firstBody >= 0 ? firstBody : n;
        return new CableText(text, offsets, arr, kinds, classification, first, bodyStart);
    }

    private static boolean isBodyStart(LineKind kind) {
        return switch (kind) {
            case CLASSIFICATION, EO, TAGS, SUBJECT, REF, CLASSIFIED_BY, PARAGRAPH -> true;
            default -> false;
        };
    }

    /** Trimmed lines into {@code lines}; returns where each starts in the text. One substring per line. */
    private static int[] split(String text, List<String> lines) {
        int[] offsets = new int[64];
        int start = 0;
        int n = text.length();
        while (start <= n && lines.size() < MAX_LINES) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = n;
            }
            int from = start;
            int to = Math.min(end, start + MAX_LINE);
            while (from < to && text.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && text.charAt(to - 1) <= ' ') {
                to--;
            }
            if (lines.size() == offsets.length) {
                offsets = java.util.Arrays.copyOf(offsets, offsets.length * 2);
            }
            offsets[lines.size()] = from;
            lines.add(from == to ? "" : text.substring(from, to));
            start = end + 1;
        }
        return java.util.Arrays.copyOf(offsets, lines.size());
    }

    /** The kind of one line; {@code parsed[0]} is set to the parsed line when the kind is CLASSIFICATION. */
    static LineKind classify(String line, boolean inHeader, boolean inRecipients, ClassificationLine[] parsed) {
        parsed[0] = null;
        if (line.isEmpty()) {
            return LineKind.BLANK;
        }
        char c = line.charAt(0);
        if (inHeader || isStrongHeaderLine(line, c)) {
            LineKind header = headerKind(line, c, inHeader && inRecipients, parsed);
            if (header != null) {
                return header;
            }
        }
        switch (c) {
            case 'S', 's' -> {
                if (startsWithWord(line, "SUBJECT") || startsWithWord(line, "SUBJ")) {
                    return LineKind.SUBJECT;
                }
            }
            case 'T', 't' -> {
                if (startsWithWord(line, "TAGS") || startsWithWord(line, "TAG")) {
                    return LineKind.TAGS;
                }
            }
            case 'E' -> {
                if (line.startsWith("E.O.") || line.startsWith("EO ") || line.startsWith("E. O.")
                        || line.startsWith("E.0.")) {
                    return LineKind.EO;
                }
            }
            case 'R', 'r' -> {
                if (startsWithWord(line, "REF") || startsWithWord(line, "REFS") || startsWithWord(line, "REFTEL")
                        || startsWithWord(line, "REFTELS")) {
                    return LineKind.REF;
                }
            }
            case 'C', 'c' -> {
                if (startsIgnoringCase(line, "CLASSIFIED BY")) {
                    return LineKind.CLASSIFIED_BY;
                }
            }
            case 'N' -> {
                if (line.equals("NNNN")) {
                    return LineKind.END;
                }
            }
            case '#' -> {
                if (line.length() <= 6 && line.length() >= 3 && allDigits(line, 1)) {
                    return LineKind.END;
                }
            }
            case 'B' -> {
                if (line.equals("BT")) {
                    return LineKind.BT;
                }
            }
            default -> {
            }
        }
        if ((c >= '0' && c <= '9') || c == '\u00b6') {
            if (isParagraphStart(line)) {
                return LineKind.PARAGRAPH;
            }
            if (mayBeFurniture(line) && FURNITURE.matcher(line).matches()) {
                return LineKind.FURNITURE;
            }
            return LineKind.TEXT;
        }
        if (ClassificationLine.plausible(line)) {
            if (parsed[0] == null) {
                parsed[0] = ClassificationLine.parse(line);
            }
            if (parsed[0] != null) {
                return LineKind.CLASSIFICATION;
            }
            if (line.length() < 60 && ClassificationLine.parseBare(line) != null) {
                return LineKind.CLASSIFICATION_BARE;
            }
        }
        if (c >= 'A' && c <= 'Z') {
            char last = line.charAt(line.length() - 1);
            if (last >= '0' && last <= '9' && line.length() < 60 && endsWithPageCount(line)
                    && PAGE_BREAK.matcher(line).matches()) {
                return LineKind.PAGE_BREAK;
            }
            if (line.length() < 60 && isCaveatLine(line)) {
                return LineKind.CAVEAT;
            }
        }
        if (line.length() < 80 && (c == 'P' || c == '-') && mayBeFurniture(line) && FURNITURE.matcher(line).matches()) {
            return LineKind.FURNITURE;
        }
        return LineKind.TEXT;
    }

    /**
     * What each alternative of {@link #FURNITURE} needs at its ends: four digits and a letter, "Page ", or dashes
     * around a number. A test without a matcher, as every line starting with P or a digit comes here.
     */
    private static boolean mayBeFurniture(String line) {
        char c = line.charAt(0);
        if (c == 'P') {
            return line.startsWith("Page ");
        }
        if (c == '-') {
            // an underline rule has no number: the regex would backtrack over each of its dashes to learn that
            return line.charAt(line.length() - 1) == '-' && hasDigit(line);
        }
        return line.length() > 4 && allDigits(line, 0, 4) && line.charAt(4) >= 'A' && line.charAt(4) <= 'Z';
    }

    /** The end {@code " 002"} that {@link #PAGE_BREAK} needs ({@code ... 002 OF 002}). */
    private static boolean endsWithPageCount(String line) {
        int n = line.length();
        return n > 4 && line.charAt(n - 4) == ' ' && allDigits(line, n - 3, n);
    }

    /** Header lines recognised anywhere: a second header may follow an e-mail wrapper or a bare "UNCLAS". */
    private static boolean isStrongHeaderLine(String line, char c) {
        if (c == 'V') {
            return line.startsWith("VZCZC");
        }
        if (c == 'D') {
            return line.startsWith("DE R");
        }
        if (c == 'Z') {
            return line.startsWith("ZNR ") || line.startsWith("ZNY ") || line.length() < 30;
        }
        return line.length() < 30 && (c == 'O' || c == 'P' || c == 'R' || (c >= '0' && c <= '9'));
    }

    /**
     * The header kind of a line, or null. A line below the addressees is parsed as a classification line to tell it
     * from one more addressee; that parse is left in {@code parsed[0]} for {@link #classify}, its dearest regex.
     */
    private static LineKind headerKind(String line, char c, boolean inRecipients, ClassificationLine[] parsed) {
        switch (c) {
            case 'V' -> {
                if (line.startsWith("VZCZC")) {
                    return LineKind.FORMAT;
                }
            }
            case 'D' -> {
                if (line.startsWith("DE ") && DE.matcher(line).lookingAt()) {
                    return LineKind.DE;
                }
            }
            case 'F' -> {
                if (line.startsWith("FM ") || line.startsWith("FROM ")) {
                    return LineKind.FROM;
                }
            }
            case 'T' -> {
                if (line.startsWith("TO ")) {
                    return LineKind.TO;
                }
            }
            case 'I' -> {
                if (line.startsWith("INFO ")) {
                    return LineKind.INFO;
                }
            }
            case 'X' -> {
                if (line.startsWith("XMT ")) {
                    return LineKind.XMT;
                }
            }
            case 'Z' -> {
                if (SECURITY.matcher(line).lookingAt()) {
                    return LineKind.SECURITY;
                }
            }
            default -> {
            }
        }
        if (c == 'Z' || c == 'O' || c == 'P' || c == 'R' || (c >= '0' && c <= '9')) {
            // cheap necessary conditions first: short body lines starting with these letters come here too
            if (line.indexOf('Z', 6) >= 0 && DTG.matcher(line).lookingAt()) {
                return LineKind.DTG;
            }
            boolean routing = startsWithPrecedences(line);
            if (routing && c != 'R' && c <= 'Z' && ROUTING.matcher(line).lookingAt()) {
                return LineKind.ROUTING;
            }
            if (routing && c == 'R' && ROUTING.matcher(line).lookingAt() && !line.contains("/")) {
                return LineKind.ROUTING;
            }
        }
        if (inRecipients && !line.equals("BT") && !isBodyField(line)) {
            parsed[0] = ClassificationLine.parse(line);
            if (parsed[0] == null && ClassificationLine.parseBare(line) == null) {
                return LineKind.RECIPIENT;
            }
        }
        return null;
    }

    /** The start {@code [ZOPR]{2}} or {@code [ZOPR] [ZOPR]} that {@link #ROUTING} requires. */
    private static boolean startsWithPrecedences(String line) {
        return line.length() > 3 && isPrecedence(line.charAt(0)) && (isPrecedence(line.charAt(1))
                || (line.charAt(1) == ' ' && isPrecedence(line.charAt(2))));
    }

    private static boolean isPrecedence(char c) {
        return c == 'Z' || c == 'O' || c == 'P' || c == 'R';
    }

    /** A body field glued below the addressees (08BUENOSAIRES62): it ends the recipient block. */
    private static boolean isBodyField(String line) {
        return startsWithWord(line, "TAGS") || startsWithWord(line, "SUBJECT") || line.startsWith("E.O.")
                || startsIgnoringCase(line, "CLASSIFIED BY");
    }

    /** True when every token is a handling caveat: {@code SIPDIS}, {@code NOFORN SIPDIS}. */
    static boolean isCaveatLine(String line) {
        int start = 0;
        int n = line.length();
        boolean any = false;
        for (int i = 0; i <= n; i++) {
            if (i == n || line.charAt(i) == ' ' || line.charAt(i) == ',') {
                if (i > start) {
                    if (!isCaveat(line, start, i)) {
                        return false;
                    }
                    any = true;
                }
                start = i + 1;
            }
        }
        return any;
    }

    /** Is {@code line[from, to)} one of {@link #CAVEATS}? Compared in place: most tokens differ in length or letter. */
    private static boolean isCaveat(String line, int from, int to) {
        int length = to - from;
        if (length >= CAVEATS_BY_LENGTH.length) {
            return false;
        }
        for (String caveat : CAVEATS_BY_LENGTH[length]) {
            if (line.startsWith(caveat, from)) {
                return true;
            }
        }
        return false;
    }

    private static String[][] byLength(Set<String> words) {
        int max = 0;
        for (String w : words) {
            max = Math.max(max, w.length());
        }
        String[][] out = new String[max + 1][];
        for (int length = 0; length <= max; length++) {
            final int l = length;
            out[length] = words.stream().filter(w -> w.length() == l).sorted().toArray(String[]::new);
        }
        return out;
    }

    /**
     * {@code ^(?:¶\s*)?(\d{1,2})\s?\.(?:\s|\(|$)}: a paragraph number ({@code 1.}, {@code ¶12.}, {@code 3 .}
     * then a space, "(" or the end), tested without a matcher as every line starting with a digit is tested.
     */
    static boolean isParagraphStart(String line) {
        int n = line.length();
        int i = 0;
        if (n > 0 && line.charAt(0) == '\u00b6') {
            i = 1;
            while (i < n && isRegexSpace(line.charAt(i))) {
                i++;
            }
        }
        int digits = i;
        while (i < n && i - digits < 3 && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        if (i == digits || i - digits > 2) {
            return false;
        }
        if (i < n && isRegexSpace(line.charAt(i))) {
            i++;
        }
        if (i >= n || line.charAt(i) != '.') {
            return false;
        }
        i++;
        return i == n || isRegexSpace(line.charAt(i)) || line.charAt(i) == '(';
    }

    /** The characters of the regex class {@code \s}. */
    static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    /** The first character of {@code s} from {@code from} on that is not a regex {@code \s}. */
    static int skipRegexSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && isRegexSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** An ASCII digit, the regex class {@code \d}. */
    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Does the line start with this keyword (any case) followed by ':' or a space? */
    static boolean startsWithWord(String line, String word) {
        int n = word.length();
        if (line.length() < n || !startsIgnoringCase(line, word)) {
            return false;
        }
        if (line.length() == n) {
            return true;
        }
        char next = line.charAt(n);
        return next == ':' || next == ' ' || next == ';' || next == '.';
    }

    /**
     * {@code line.regionMatches(true, 0, word, 0, word.length())} for a word of upper-case ASCII letters and spaces, with ASCII letters
     * folded in place; from a non-ASCII character on, the JDK's Unicode rules decide (as for U+017F, long s).
     */
    private static boolean startsIgnoringCase(String line, String word) {
        int n = word.length();
        if (line.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                return line.regionMatches(true, i, word, i, n - i);
            }
            if (c != word.charAt(i) && (c & 0xdf) != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(String s, int from) {
        return allDigits(s, from, s.length());
    }

    private static boolean allDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
