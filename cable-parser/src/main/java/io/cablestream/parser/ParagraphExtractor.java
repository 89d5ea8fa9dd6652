package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Paragraph;
import io.cablestream.events.ParsedCable.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbered paragraphs with their markings. Repairs what conversions do to the numbers: a paragraph glued to the
 * end of the previous one ({@code ... partnership. 14. (SBU) At ...}) and OCR reading the pilcrow as a leading 1
 * ({@code 13.} for ¶3), both in 09USOSCE86-ocr. A paragraph is given as a span of the decoded text: a paragraph's
 * lines are joined as its text is read, and {@link Joined} says where each character of the joined text came from.
 */
final class ParagraphExtractor {

    /** Portion markings: (U) (SBU) (C) (S) (TS) (S/NF) (C//NF) (C/REL UK) (U/FOUO) (LOU). */
    static final String MARKING = "(?:U|SBU|C|S|TS|LOU|FOUO|U/FOUO|(?:S|C|TS|SBU|U)/{1,2}(?:NF|NOFORN|FOUO|ORCON|REL[A-Z ,]{0,20}))";
    private static final Pattern MARKING_ONLY = Pattern.compile(MARKING);
    private static final int MAX_PARAGRAPHS = 500;

    private ParagraphExtractor() {
    }

    static List<Paragraph> extract(CableText text, Warnings warnings, SourcePositions positions) {
        List<Paragraph> out = new ArrayList<>();
        // one builder for all paragraphs of the cable: it grows once to the longest, not once per paragraph
        Joined current = new Joined(text, positions);
        boolean open = false;
        int number = 0;
        String marking = null;
        for (int i = Math.max(0, text.bodyStart); i < text.size() && out.size() < MAX_PARAGRAPHS; i++) {
            LineKind k = text.kinds[i];
            String line = text.lines[i];
            if (k == LineKind.PARAGRAPH) {
                Start start = start(line);
                if (start != null) {
                    if (open) {
                        number = split(out, number, marking, current, warnings);
                    }
                    number = repair(start.number(), number);
                    marking = start.marking();
                    current.restart(i, start.end());
                    open = true;
                    continue;
                }
            }
            if (!open) {
                continue;
            }
            if (k == LineKind.TEXT || k == LineKind.CAVEAT || k == LineKind.CLASSIFICATION_BARE) {
                if (current.length() < 200_000) {
                    current.add(i);
                }
            } else if (k == LineKind.END || k == LineKind.BT) {
                break;
            } else if (k != LineKind.BLANK) {
                current.skip(i);
            }
        }
        if (open) {
            split(out, number, marking, current, warnings);
        }
        return out;
    }

    /**
     * The text of the open paragraph as its lines joined by one space, and where each of its characters is in the
     * decoded text; the lines between them that are not the paragraph's are omitted from its span. The joined text
     * is a view over the lines, made a String only when a glued paragraph may be inside it: copying every
     * paragraph's characters was a twentieth of a parse, and few paragraphs hold a glued one.
     */
    private static final class Joined implements CharSequence {
        private final CableText text;
        private final SourcePositions positions;
        /**
         * Segment k: joined characters {@code joinedStarts[k]} to {@code joinedStarts[k] + lengths[k]} are normalised
         * ones from {@code sourceStarts[k]}; one blank joins it to the next. Only a paragraph's first segment may be
         * empty, and it is replaced by the next: the starts are strictly increasing.
         */
        private int[] joinedStarts = new int[32];
        private int[] sourceStarts = new int[32];
        private int[] lengths = new int[32];
        private int segments;
        private int length;
        private final List<Span> skipped = new ArrayList<>();
        private final List<Span> omitted = new ArrayList<>();
        private String joined;

        Joined(CableText text, SourcePositions positions) {
            this.text = text;
            this.positions = positions;
        }

        /** A new paragraph, whose text starts at character {@code from} of line {@code line}. */
        void restart(int line, int from) {
            segments = 0;
            length = 0;
            skipped.clear();
            omitted.clear();
            segment(text.offsets[line] + from, text.lines[line].length() - from);
        }

        /** Line {@code line} goes on the paragraph. */
        void add(int line) {
            segment(text.offsets[line], text.lines[line].length());
            // a line skipped before one of the paragraph's own lies inside the paragraph's span
            omitted.addAll(skipped);
            skipped.clear();
        }

        /** Line {@code line} is not the paragraph's (a page break, furniture, a header line). */
        void skip(int line) {
            int start = text.offsets[line];
            skipped.add(new Span(positions.of(start), positions.of(start + text.lines[line].length())));
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int i) {
            int k = segmentOf(i);
            int offset = i - joinedStarts[k];
            return offset < lengths[k] ? text.source.charAt(sourceStarts[k] + offset) : ' ';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            if (joined == null) {
                StringBuilder b = new StringBuilder(length);
                for (int k = 0; k < segments; k++) {
                    if (k > 0) {
                        b.append(' ');
                    }
                    b.append(text.source, sourceStarts[k], sourceStarts[k] + lengths[k]);
                }
                joined = b.toString();
            }
            return joined;
        }

        /**
         * Could {@link #gluedAt} take {@code number} (digits and a dot) in the joined text: a run of one or two
         * digits after a pilcrow, or after a sentence's end and blanks, then the dot, a blank and "(" or a capital?
         * Tested on the normalised text between the paragraph's first and last character: where the joined text has
         * a blank that joins two lines, this text has a line break (or other blanks the line split trimmed), and the
         * test then takes whatever may stand there in the joined text. Most "N." a plain search finds are dates and
         * years ("on OCTOBER 12. BOURDON", "in 2002. The"); a paragraph is joined into a String only for the rest.
         */
        boolean mayHoldNumber(String number) {
            int end = sourceStarts[segments - 1] + lengths[segments - 1];
            String source = text.source;
            for (int at = source.indexOf(number, sourceStarts[0]); at >= 0 && at + number.length() <= end;
                    at = source.indexOf(number, at + 1)) {
                if (mayBeGluedAt(source, at + number.length() - 1)) {
                    return true;
                }
            }
            return false;
        }

        /** {@link #gluedAt}'s conditions on the dot at {@code dot}, any break between lines taken as a pass. */
        private boolean mayBeGluedAt(String source, int dot) {
            if (dot + 1 < source.length() && source.charAt(dot + 1) != ' ' && !isBreak(source, dot + 1)) {
                return false;
            }
            int i = numberStart(source, dot);
            if (i < 0) {
                return false;
            }
            char before = source.charAt(i - 1);
            if (before == '\u00b6' || isBreak(source, i - 1)) {
                return true;
            }
            if (before != ' ' || !mayEndSentence(source, i - 2)) {
                return false;
            }
            // after ". " within the line: the character the joined text has there too
            if (dot + 2 >= source.length() || isBreak(source, dot + 1)) {
                return true;
            }
            char after = source.charAt(dot + 2);
            return after == '(' || Character.isUpperCase(after);
        }

        /** {@link #isSentenceEnd} where no break between lines stands in the blanks before {@code k}. */
        private boolean mayEndSentence(String source, int k) {
            int i = k;
            while (i >= 0 && source.charAt(i) == ' ') {
                i--;
            }
            return i >= 0 && (isBreak(source, i) || isSentenceEnd(source, i));
        }

        /** A character the line split trims or breaks at, or the end of a segment (a line cut at its maximum). */
        private boolean isBreak(String source, int i) {
            return source.charAt(i) < ' ' || endsSegment(i);
        }

        private boolean endsSegment(int normalised) {
            for (int k = 0; k < segments; k++) {
                if (sourceStarts[k] + lengths[k] == normalised) {
                    return true;
                }
            }
            return false;
        }

        /** The decoded position of joined character {@code i}. */
        int source(int i) {
            return positions.of(normalised(i));
        }

        /** The decoded end of joined character {@code i}. */
        int sourceEnd(int i) {
            return positions.endOf(normalised(i));
        }

        private int normalised(int i) {
            int k = segmentOf(i);
            return sourceStarts[k] + i - joinedStarts[k];
        }

        /** The last segment starting at or before joined character {@code i}. */
        private int segmentOf(int i) {
            int low = 0;
            int high = segments - 1;
            while (low < high) {
                int mid = (low + high + 1) >>> 1;
                if (joinedStarts[mid] <= i) {
                    low = mid;
                } else {
                    high = mid - 1;
                }
            }
            return low;
        }

        /** The omitted spans inside decoded positions {@code start} to {@code end}. */
        List<Span> omitted(int start, int end) {
            List<Span> inside = new ArrayList<>(0);
            for (Span span : omitted) {
                if (span.start() >= start && span.end() <= end) {
                    inside.add(span);
                }
            }
            return inside;
        }

        private void segment(int sourceStart, int count) {
            joined = null;
            if (segments == 1 && lengths[0] == 0) {
                segments = 0;
            }
            if (segments == joinedStarts.length) {
                joinedStarts = java.util.Arrays.copyOf(joinedStarts, segments * 2);
                sourceStarts = java.util.Arrays.copyOf(sourceStarts, segments * 2);
                lengths = java.util.Arrays.copyOf(lengths, segments * 2);
            }
            if (segments > 0) {
                length++;
            }
            joinedStarts[segments] = length;
            sourceStarts[segments] = sourceStart;
            lengths[segments++] = count;
            length += count;
        }
    }

    /** Where a paragraph starts: its number as written, its portion marking (or null), and where its text begins. */
    record Start(int number, String marking, int end) {
    }

    /**
     * {@code ^(?:¶\s*)?(\d{1,2})\s?\.\s*(?:\((MARKING)\))?\s*} read without a matcher, as every paragraph is
     * read: {@code 3. (SBU) text}, {@code ¶12.text}. Null when {@code s} does not start so.
     */
    static Start start(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && s.charAt(0) == '\u00b6') {
            i = LineScanner.skipRegexSpaces(s, 1);
        }
        int digits = i;
        while (i < n && i - digits < 3 && LineScanner.isDigit(s.charAt(i))) {
            i++;
        }
        if (i == digits || i - digits > 2) {
            return null;
        }
        int number = Integer.parseInt(s, digits, i, 10);
        if (i < n && LineScanner.isRegexSpace(s.charAt(i))) {
            i++;
        }
        if (i >= n || s.charAt(i) != '.') {
            return null;
        }
        i = LineScanner.skipRegexSpaces(s, i + 1);
        String marking = null;
        if (i < n && s.charAt(i) == '(') {
            // a marking holds no ')' and is at most 27 characters: the first ')' closes it, if it is one
            int close = s.indexOf(')', i + 1);
            if (close > 0 && close - i <= 40 && isMarking(s.substring(i + 1, close))) {
                marking = s.substring(i + 1, close);
                i = LineScanner.skipRegexSpaces(s, close + 1);
            }
        }
        return new Start(number, marking, i);
    }

    /** The common markings without a matcher, the rest by {@link #MARKING}. */
    private static boolean isMarking(String s) {
        return switch (s) {
            case "U", "SBU", "C", "S", "TS" -> true;
            default -> MARKING_ONLY.matcher(s).matches();
        };
    }

    /** OCR reads ¶3 as 13: a number ten above the expected one, before paragraph 10, is the expected one. */
    private static int repair(int n, int previous) {
        int expected = previous + 1;
        return n == expected + 10 && expected < 10 ? expected : n;
    }

    /** Adds the paragraph, cut where the next expected paragraph number is glued into its text. */
    private static int split(List<Paragraph> out, int number, String marking, Joined joined, Warnings warnings) {
        int n = number;
        String m = marking;
        // where the rest to search starts in the joined text
        int at = 0;
        // the glued number N or 1N (OCR's reading of N, for N < 10) is written "N. ": "N." is in the text either way,
        // followed by a blank once the lines are joined
        if (joined.mayHoldNumber((n + 1) + ".")) {
            String rest = joined.toString();
            while (out.size() < MAX_PARAGRAPHS) {
                int[] glued = findGlued(rest, n);
                if (glued == null) {
                    break;
                }
                int cut = glued[0];
                int next = glued[1];
                out.add(paragraph(n, m, joined, at, at + cut));
                warnings.add("GLUED_PARAGRAPH", "paragraph " + next + " was glued to paragraph " + n);
                String tail = rest.substring(glued[2]);
                at += glued[2];
                Start start = start(tail);
                if (start != null) {
                    m = start.marking();
                    rest = tail.substring(start.end());
                    at += start.end();
                } else {
                    m = null;
                    rest = tail;
                }
                n = next;
            }
        }
        out.add(paragraph(n, m, joined, at, joined.length()));
        return n;
    }

    /**
     * The next paragraph number glued inside a text: {@code N. } after a sentence end or a pilcrow, where N (after
     * the OCR repair) is the one expected after {@code n}. Returns {cut, number, start of "N."} or null. Only the
     * numbers that can be that one are searched for (N, also written 0N, and N + 10 as OCR reads it): a search per
     * "." of the text was a fortieth of a parse.
     */
    static int[] findGlued(String s, int n) {
        int expected = n + 1;
        int[] glued = firstGlued(s, n, Integer.toString(expected));
        if (expected < 10) {
            int[] ocr = firstGlued(s, n, Integer.toString(expected + 10));
            if (ocr != null && (glued == null || ocr[2] < glued[2])) {
                glued = ocr;
            }
        }
        return glued;
    }

    /** The first place where {@code digits + ". "} is the glued paragraph that follows {@code n}, or null. */
    private static int[] firstGlued(String s, int n, String digits) {
        String number = digits + ". ";
        for (int at = s.indexOf(number, 1); at >= 0; at = s.indexOf(number, at + 1)) {
            int[] glued = gluedAt(s, n, at + digits.length());
            if (glued != null) {
                return glued;
            }
        }
        return null;
    }

    /** The glued paragraph whose number ends before the ". " at {@code dot}, if it is the one after {@code n}. */
    private static int[] gluedAt(String s, int n, int dot) {
        if (dot + 2 >= s.length()) {
            return null;
        }
        int i = numberStart(s, dot);
        if (i < 0) {
            return null;
        }
        char before = s.charAt(i - 1);
        char after = s.charAt(dot + 2);
        int cut;
        int start;
        if (before == '\u00b6') {
            start = i - 1;
            cut = i - 1;
        } else if (before == ' ' && i >= 2 && isSentenceEnd(s, i - 2)
                && (after == '(' || Character.isUpperCase(after))) {
            start = i;
            cut = i - 1;
        } else {
            return null;
        }
        int number = repair(Integer.parseInt(s.substring(i, dot)), n);
        return number == n + 1 ? new int[]{cut, number, start} : null;
    }

    /**
     * The start of the paragraph number that ends before the dot at {@code dot}: a run of one or two digits with a
     * character before it; -1 when there is none, or the run is longer.
     */
    private static int numberStart(String s, int dot) {
        int i = dot;
        while (i > 0 && dot - i < 3 && LineScanner.isDigit(s.charAt(i - 1))) {
            i--;
        }
        return dot - i == 0 || dot - i > 2 || i == 0 ? -1 : i;
    }

    private static boolean isSentenceEnd(String s, int k) {
        int i = k;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        if (i < 0) {
            return false;
        }
        char c = s.charAt(i);
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\'' || c == ')';
    }

    /** The paragraph whose text is joined characters {@code from} to {@code to}, trimmed. */
    private static Paragraph paragraph(int number, String marking, Joined text, int from, int to) {
        int start = trimStart(text, from, to);
        int end = trimEnd(text, start, to);
        if (marking == null && start < end && text.charAt(start) == '(') {
            // a marking after extra spaces or split over a line: "(SBU)" at the start of the text
            int close = indexOf(text, ')', start + 1, Math.min(end, start + 31));
            String inner = close > start + 1 ? text.subSequence(start + 1, close).toString() : null;
            if (inner != null && MARKING_ONLY.matcher(inner).matches()) {
                marking = inner;
                start = trimStart(text, close + 1, end);
            }
        }
        int sourceStart = text.source(start);
        // the end of the last character, not the start of what follows it (a skipped line, a glued paragraph)
        int sourceEnd = end > start ? text.sourceEnd(end - 1) : sourceStart;
        return new Paragraph(number, marking, sourceStart, sourceEnd, text.omitted(sourceStart, sourceEnd));
    }

    /** The first {@code c} in {@code s} from {@code from} up to {@code to}, or -1. */
    private static int indexOf(CharSequence s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int trimStart(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) <= ' ') {
            i++;
        }
        return i;
    }

    private static int trimEnd(CharSequence s, int from, int to) {
        int i = to;
        while (i > from && s.charAt(i - 1) <= ' ') {
            i--;
        }
        return i;
    }
}
