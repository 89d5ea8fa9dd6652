package io.cablestream.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Summary and comment spans, signers and the redaction count: the fields read from the text of the body. */
final class BodyExtractor {

    private static final Set<String> NOT_SIGNERS = Set.of("END", "BT", "NNNN", "SIPDIS", "NOFORN", "UNCLASSIFIED",
            "CONFIDENTIAL", "SECRET", "COMMENT", "SUMMARY", "TEXT", "NOTE", "THANKS", "REGARDS", "MINIMIZE",
            "CONSIDERED", "SENSITIVE", "UNCLAS", "EXDIS", "NODIS");

    /** Words that start a sentence, so that a text cut after one ({@code ... percent. The}) names no signer. */
    private static final Set<String> SENTENCE_WORDS = Set.of("THE", "THIS", "THAT", "THESE", "THOSE", "THERE", "THEY",
            "THEN", "THUS", "HE", "SHE", "WE", "IT", "ITS", "OUR", "HIS", "HER", "AND", "BUT", "FOR", "NOR", "YET", "ALSO",
            "WHILE", "WHEN", "WHERE", "WHAT", "WHO", "WHY", "HOW", "AFTER", "BEFORE", "SINCE", "AS", "AT", "IN", "ON",
            "OF", "TO", "BY", "WITH", "FROM", "INTO", "ONE", "TWO", "MANY", "MOST", "SOME", "ALL", "ANY", "EACH", "BOTH",
            "HOWEVER", "MEANWHILE", "FINALLY", "FURTHER", "MOREOVER", "INDEED", "OTHER", "OTHERS", "OVERALL", "POST",
            "EMBASSY", "MISSION", "DEPARTMENT", "WASHINGTON", "PLEASE", "SEE", "NOT", "YES", "NONE", "ACTION", "BEGIN");

    /** Compiled once: String.replaceFirst compiles its regex on every call. */
    private static final Pattern LEADING_DOTS = Pattern.compile("^[.\\s]+");

    private BodyExtractor() {
    }

    /**
     * {@code Summary: ... End Summary} (likewise COMMENT), read in the normalised text after the body start and
     * rebuilt from the text lines it covers, so that page breaks inside it are dropped. The word is found as
     * cables write it (SUMMARY, summary, Summary), its end as "END SUMMARY" or "END OF SUMMARY" in the same cases;
     * every end marker holds the word itself, so one walk over the word's places finds both.
     */
    static String span(CableText text, String word) {
        String s = text.source;
        if (text.bodyStart >= text.size()) {
            return null;
        }
        Keyword words = new Keyword(s, word, text.offsets[text.bodyStart]);
        for (int guard = 0; guard < 200; guard++) {
            int at = words.next();
            if (at < 0) {
                return null;
            }
            int after = at + word.length();
            boolean wordStart = at == 0 || !Character.isLetter(s.charAt(at - 1));
            boolean precededByEnd = at >= 4 && s.regionMatches(true, at - 4, "END", 0, 3);
            if (!wordStart || precededByEnd || after >= s.length()) {
                continue;
            }
            char c = s.charAt(after);
            if (c != ':' && c != '.' && c != ' ' && c != '-' && c != '\n') {
                continue;
            }
            int end = words.endMarker(after);
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
     * The places of one word in the text, in order, as cables write it: upper case, lower case or capitalised
     * ({@code SUMMARY}, {@code summary}, {@code Summary}). Two searches for the word without its first letter
     * ({@code UMMARY}, {@code ummary}) find all three; each cursor moves forward only, so the text is read once.
     */
    static final class Keyword {
        /** What the search needs of a word, made once per word rather than once per cable. */
        private record Forms(char upperFirst, char lowerFirst, String upperRest, String lowerRest, String[] ends,
                             String[] endsOf) {
            static Forms of(String word) {
                String low = word.toLowerCase(Locale.ROOT);
                String capitalised = word.charAt(0) + low.substring(1);
                return new Forms(word.charAt(0), low.charAt(0), word.substring(1), low.substring(1),
                        new String[]{"END " + word, "end " + low, "End " + low, "End " + capitalised},
                        new String[]{"END OF " + word, "end of " + low, "End of " + low, "End Of " + capitalised});
            }
        }

        private static final Map<String, Forms> FORMS = Map.of("SUMMARY", Forms.of("SUMMARY"), "COMMENT",
                Forms.of("COMMENT"));

        private final String s;
        private final char upperFirst;
        private final char lowerFirst;
        private final String upperRest;
        private final String lowerRest;
        /** Next place of each rest (the word starts one before it); -1 once there is none. */
        private int upper;
        private int lower;
        /** The end markers in the cases of the word they end: END SUMMARY, end summary, End summary, End Summary. */
        private final String[] ends;
        private final String[] endsOf;

        Keyword(String s, String word, int from) {
            Forms forms = FORMS.get(word);
            if (forms == null) {
                forms = Forms.of(word);
            }
            this.s = s;
            this.upperFirst = forms.upperFirst();
            this.lowerFirst = forms.lowerFirst();
            this.upperRest = forms.upperRest();
            this.lowerRest = forms.lowerRest();
            this.ends = forms.ends();
            this.endsOf = forms.endsOf();
            this.upper = find(upperRest, from + 1);
            this.lower = find(lowerRest, from + 1);
        }

        private int find(String rest, int from) {
            return from > s.length() ? -1 : s.indexOf(rest, from);
        }

        /** The start of the next place of the word, or -1. */
        int next() {
            while (upper >= 0 || lower >= 0) {
                boolean fromUpper = lower < 0 || (upper >= 0 && upper < lower);
                int rest = fromUpper ? upper : lower;
                char first = s.charAt(rest - 1);
                if (fromUpper) {
                    upper = find(upperRest, rest + 1);
                } else {
                    lower = find(lowerRest, rest + 1);
                }
                if (first == upperFirst || (!fromUpper && first == lowerFirst)) {
                    return rest - 1;
                }
            }
            return -1;
        }

        /** Where the first "END word" or "END OF word" at or after {@code from} starts, or -1. */
        int endMarker(int from) {
            for (int at = next(); at >= 0; at = next()) {
                int end = startOf(ends, at, from);
                if (end < 0) {
                    end = startOf(endsOf, at, from);
                }
                if (end >= 0) {
                    return end;
                }
            }
            return -1;
        }

        /** The start of the marker that ends with the word at {@code at}, if it starts at or after {@code from}. */
        private int startOf(String[] markers, int at, int from) {
            for (String marker : markers) {
                int start = at + upperRest.length() + 1 - marker.length();
                if (start >= from && s.startsWith(marker, start)) {
                    return start;
                }
            }
            return -1;
        }
    }

    /** Signers: the surnames on the last lines, also when glued to the text before them ("END COMMENT SCOTT"). */
    static List<String> signers(CableText text) {
        List<String> out = new ArrayList<>();
        int last = releaseMark(text) - 1;
        while (last >= 0 && isAfterSignature(text, last)) {
            last--;
        }
        int start = text.bodyStart < text.size() ? text.bodyStart : 0;
        if (last < start + 1) {
            return out;
        }
        String line = withoutTrailingMarks(text.lines[last]);
        if (line.isEmpty()) {
            return out;
        }
        if (isName(line)) {
            out.add(line);
            return out;
        }
        if (line.indexOf(' ') < 0 && capitalised(line) != null) {
            out.add(capitalised(line)); // "Leach" on a line of its own
            return out;
        }
        // a name run together with the text ends the line: a line ending otherwise (most end with '.') has none,
        // which spares the searches below over what may be a whole flattened cable
        if (!isNameChar(line.charAt(line.length() - 1))) {
            String capitalised = capitalisedLastWord(line);
            if (capitalised != null) {
                out.add(capitalised);
            }
            return out;
        }
        String afterText = capitalsAfterText(line);
        if (afterText != null) {
            out.add(afterText);
            return out;
        }
        // run together with the text: the last word(s) after "END COMMENT" or a sentence end
        int cut = sameIndexesUpperCase(line) ? tailCut(line) : cut(line);
        if (cut >= 0 && cut < line.length() - 2) {
            String tail = LEADING_DOTS.matcher(line.substring(cut + 1)).replaceFirst("").trim();
            if (isName(tail)) {
                out.add(tail);
            }
        }
        return out;
    }

    /**
     * A signature typed in mixed case after the last sentence ({@code ... youth events. Scobey}), in the upper case
     * signatures are written in; null if the line does not end so.
     */
    private static String capitalisedLastWord(String line) {
        int space = line.lastIndexOf(' ');
        if (space < 1) {
            return null;
        }
        char before = line.charAt(space - 1);
        return before == '.' || before == '*' ? capitalised(line.substring(space + 1)) : null;
    }

    /**
     * A surname in capitals ending a line of mixed-case text that a converter ran the signature into ({@code ... push
     * ahead GOLDBERG}, {@code ... Website: XXXXXXXXXXXX TUTTLE}, {@code ...index.c fm STAPLETON}); null if none. A
     * capitalised word that is a tag code (FARC, NATO) or a redaction is no surname.
     */
    private static String capitalsAfterText(String line) {
        int space = line.lastIndexOf(' ');
        if (space < 1) {
            return null;
        }
        String word = line.substring(space + 1);
        int before = line.lastIndexOf(' ', space - 1);
        String previous = line.substring(before + 1, space);
        boolean previousIsText = !previous.isEmpty() && (Strings.hasLowerCase(previous) || !isNameChar(previous.charAt(
                previous.length() - 1)) || previous.chars().allMatch(c -> c == 'X' || c == 'x'));
        if (word.length() < 4 || !previousIsText || !Strings.hasLowerCase(line) || NOT_SIGNERS.contains(word)
                || TagCatalog.known(word) || word.contains("XXX")) {
            return null;
        }
        return allNameChars(word) ? word : null;
    }

    /** {@code Scobey} as {@code SCOBEY}: one capitalised word that is no sentence's first word; else null. */
    private static String capitalised(String word) {
        if (word.length() < 3 || word.length() > 20 || !Character.isUpperCase(word.charAt(0))) {
            return null;
        }
        for (int i = 1; i < word.length(); i++) {
            if (!Character.isLowerCase(word.charAt(i)) && word.charAt(i) != '-' && word.charAt(i) != '\'') {
                return null;
            }
        }
        String upper = word.toUpperCase(Locale.ROOT);
        return NOT_SIGNERS.contains(upper) || SENTENCE_WORDS.contains(upper) ? null : upper;
    }

    /**
     * The line where the release's mark ({@code Declassified/Released US Department of State EO Systematic Review})
     * starts near the end, or the number of lines when there is none: what follows it is no signature.
     */
    private static int releaseMark(CableText text) {
        for (int i = text.size() - 1; i >= Math.max(0, text.size() - 6); i--) {
            if (text.lines[i].startsWith("Declassified/Released")) {
                return i;
            }
        }
        return text.size();
    }

    /**
     * The place before the name that ends a page break run into the signature ({@code KABUL 00001132 004 OF 004
     * NEUMANN}), or -1.
     */
    private static int afterPageCount(String line) {
        int of = line.lastIndexOf(" OF ");
        int end = of + 4;
        while (of >= 0 && end < line.length() && Character.isDigit(line.charAt(end))) {
            end++;
        }
        return of >= 3 && end - of - 4 == 3 && end < line.length() && line.charAt(end) == ' '
                && Character.isDigit(line.charAt(of - 1)) ? end : -1;
    }

    /**
     * What may follow the signature: blank lines, end and page furniture, the classification again, caveats, a
     * distribution note ({@code NOTE: NOT PASSED TO ABOVE ADDRESSEE(S)}), a release mark, a stray dot.
     */
    private static boolean isAfterSignature(CableText text, int i) {
        switch (text.kinds[i]) {
            case BLANK, END, BT, PAGE_BREAK, FURNITURE, CAVEAT, CLASSIFICATION_BARE -> {
                return true;
            }
            default -> {
                String line = text.lines[i];
                return line.startsWith("NOTE:") || line.startsWith("NOTE BY") || line.startsWith("Declassified/Released")
                        || withoutTrailingMarks(line).isEmpty();
            }
        }
    }

    /**
     * Without the marks that end a signature line: {@code GILLESPIE##}, {@code MCNAMARA.}, {@code GRAY .}, a
     * conversion's {@code \\}, and the end of message {@code NNNN} run into it.
     */
    private static String withoutTrailingMarks(String line) {
        int end = line.length();
        if (line.endsWith(" NNNN")) {
            end -= 5;
        }
        while (end > 0 && "#. \\".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        return line.substring(0, end);
    }

    /** Where the signer's name may start, after the last ". ", "COMMENT " or "END COMMENT"/"END SUMMARY". */
    private static int cut(String line) {
        int cut = Math.max(Math.max(line.lastIndexOf(". "), line.lastIndexOf("COMMENT ")),
                Math.max(line.lastIndexOf("* "), line.lastIndexOf(".) ") + 1));
        cut = Math.max(cut, Math.max(Math.max(line.lastIndexOf("XXXX "), line.lastIndexOf(" / ") + 2),
                afterPageCount(line)));
        String upper = line.toUpperCase(Locale.ROOT);
        int end = Math.max(upper.lastIndexOf("END COMMENT"), upper.lastIndexOf("END SUMMARY"));
        if (end >= 0) {
            cut = Math.max(cut, end + 11);
        }
        return cut;
    }

    /**
     * {@link #cut} of a line whose upper case has the same indexes, read in its tail only: what follows the cut must be dots, spaces and name
     * characters, so a cut before the line's last run of them gives no name (-1 here). A flattened cable is one long
     * last line, which the backward searches of {@link #cut} would read whole.
     */
    private static int tailCut(String line) {
        int tail = line.length();
        while (tail > 0 && (isNameChar(line.charAt(tail - 1)) || line.charAt(tail - 1) == '.'
                || line.charAt(tail - 1) == ' ')) {
            tail--;
        }
        int from = Math.max(0, tail - 3);
        int cut = Math.max(Math.max(last(line, ". ", from, false), last(line, "COMMENT ", from, false)),
                Math.max(last(line, "* ", from, false), last(line, ".) ", from, false) + 1));
        cut = Math.max(cut, Math.max(Math.max(last(line, "XXXX ", from, false), last(line, " / ", from, false) + 2),
                afterPageCount(line)));
        int end = Math.max(last(line, "END COMMENT", Math.max(0, from - 11), true),
                last(line, "END SUMMARY", Math.max(0, from - 11), true));
        if (end >= 0) {
            cut = Math.max(cut, end + 11);
        }
        return cut >= from ? cut : -1;
    }

    /** The last place of {@code word} starting at or after {@code from}, or -1; in any case if so asked. */
    private static int last(String s, String word, int from, boolean ignoreCase) {
        for (int at = s.length() - word.length(); at >= from; at--) {
            if (s.regionMatches(ignoreCase, at, word, 0, word.length())) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Latin-1 without "ß", and general punctuation (curly quotes, dashes): its upper case keeps every index (ß
     * becomes SS), and no character but an ASCII letter becomes an ASCII letter, so {@link #cut}'s searches in the
     * upper case are case-blind searches in the line.
     */
    private static boolean sameIndexesUpperCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c > 0xff && (c < '\u2000' || c > '\u206f')) || c == '\u00df') {
                return false;
            }
        }
        return true;
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
            if (w.length() < 2 || NOT_SIGNERS.contains(w) || !allNameChars(w)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allNameChars(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!isNameChar(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || c == '-' || c == '\'';
    }

    /** A run of X (or x) this long, not part of a word, is a redaction. */
    private static final int REDACTION = 6;

    /**
     * Redactions are runs of X in the release ({@code XXXXXXXXXXXX}); older pages write them in lower case. Every run
     * of {@link #REDACTION} or more covers one position of each {@value #REDACTION} in a row, so only those positions
     * are read until an X turns up: a sixth of the text, for both cases at once (two String.indexOf passes cost a
     * parse a twentieth of its time under C1, which does not vectorise them).
     */
    static int redactions(String text) {
        int count = 0;
        int n = text.length();
        for (int i = REDACTION - 1; i < n; i += REDACTION) {
            char x = text.charAt(i);
            if (x != 'X' && x != 'x') {
                continue;
            }
            int at = i;
            while (at > 0 && text.charAt(at - 1) == x) {
                at--;
            }
            int end = i + 1;
            while (end < n && text.charAt(end) == x) {
                end++;
            }
            boolean alone = (at == 0 || !Character.isLetter(text.charAt(at - 1)))
                    && (end == n || !Character.isLetter(text.charAt(end)));
            if (end - at >= REDACTION && alone) {
                count++;
            }
            // on from the first position read after the run: the run is counted once
            while (i + REDACTION < end) {
                i += REDACTION;
            }
        }
        return count;
    }
}
