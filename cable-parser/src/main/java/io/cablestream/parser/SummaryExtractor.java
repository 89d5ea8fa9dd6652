package io.cablestream.parser;

import java.util.Set;

/**
 * The summary: from a {@code SUMMARY} heading ({@code 1. (C) Summary:}, {@code ------- SUMMARY -------},
 * {@code Summary and Action Request.}, {@code SUMMARY AND INTRODUCTION}) to {@code END SUMMARY} (any case, any
 * wrapping, {@code End Summary and Action Request}), or to the end of its paragraph when no end marker follows; or,
 * with an end marker but no heading, the paragraph that holds the marker. Paragraph numbers, markings, rules and page
 * breaks inside it are left out.
 */
final class SummaryExtractor {

    /** Words a heading adds after SUMMARY. */
    private static final String[] HEADING_TAILS = {" AND COMMENT", " AND ACTION REQUEST", " AND INTRODUCTION",
        " AND TABLE OF CONTENTS", "/COMMENT", " AND ACTION", " STATEMENT"};
    /** Portion markings: {@code (C)}, {@code (SBU)}, {@code (S/NF)}, {@code (C//NF)}, {@code (U/FOUO)}. */
    private static final Set<String> MARKINGS = Set.of("U", "C", "S", "TS", "SBU", "FOUO", "U/FOUO", "SBU/NF", "C/NF",
            "S/NF", "C//NF", "S//NF", "TS/NF");
    private static final int MAX_LENGTH = 20_000;

    private SummaryExtractor() {
    }

    static String extract(CableText text) {
        String s = text.source;
        int from = text.bodyStart < text.size() ? text.offsets[text.bodyStart] : 0;
        BodyExtractor.Keyword words = new BodyExtractor.Keyword(s, "SUMMARY", from);
        int start = -1;
        int end = -1;
        for (int at = words.next(), guard = 0; at >= 0 && guard < 400; at = words.next(), guard++) {
            int endStart = endMarkerStart(s, at);
            if (endStart >= 0) {
                end = endStart;
                break;
            }
            if (start < 0 && isHeading(s, at)) {
                start = afterHeading(s, at);
            }
        }
        if (start < 0 && end < 0) {
            return null;
        }
        if (start < 0) {
            // an end marker without a heading: the paragraph that holds it is the summary
            int line = text.lineAt(end);
            while (line > 0 && text.kinds[line] != LineKind.PARAGRAPH && text.kinds[line - 1] != LineKind.BLANK) {
                line--;
            }
            start = text.offsets[line];
        } else if (end < start) {
            end = paragraphEnd(text, start);
        }
        if (end - start > MAX_LENGTH || end <= start) {
            return null;
        }
        return clean(text, start, end);
    }

    /** If the SUMMARY at {@code at} ends an end marker ({@code END SUMMARY}, {@code End of Summary}), its start. */
    private static int endMarkerStart(String s, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
            i--;
        }
        if (i >= 1 && (s.charAt(i) == 'F' || s.charAt(i) == 'f') && (s.charAt(i - 1) == 'O' || s.charAt(i - 1) == 'o')) {
            i -= 2;
            while (i >= 0 && Character.isWhitespace(s.charAt(i))) {
                i--;
            }
        }
        if (i >= 2 && s.regionMatches(true, i - 2, "END", 0, 3) && (i < 3 || !Character.isLetter(s.charAt(i - 3)))
                && i < at - 1) {
            return i - 2;
        }
        return -1;
    }

    /**
     * Does the SUMMARY at {@code at} head the summary: at the start of its line behind a number, marking, pilcrow
     * or dashes, and followed by a colon, dot, dash, blank or a heading's tail?
     */
    private static boolean isHeading(String s, int at) {
        if (afterParagraphNumber(s, at)) {
            return followedLikeHeading(s, at);
        }
        int i = at - 1;
        while (i >= 0 && s.charAt(i) != '\n') {
            char c = s.charAt(i);
            if (Character.isLetter(c) && !insideMarking(s, i)) {
                return false;
            }
            i--;
        }
        return followedLikeHeading(s, at);
    }

    private static boolean followedLikeHeading(String s, int at) {
        int after = at + "SUMMARY".length();
        if (after >= s.length()) {
            return false;
        }
        char c = s.charAt(after);
        return c == ':' || c == '.' || c == ' ' || c == '-' || c == '\n' || c == '/' || c == '\u2010' || c == ',';
    }

    /**
     * Does a paragraph number (and marking) stand right before the word, as in a flattened cable's
     * {@code ... (d) 1. (C) Summary: ...}?
     */
    private static boolean afterParagraphNumber(String s, int at) {
        int i = at - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        if (i >= 0 && s.charAt(i) == ')') {
            int open = s.lastIndexOf('(', i);
            if (open < 0 || i - open > 9) {
                return false;
            }
            i = open - 1;
            while (i >= 0 && s.charAt(i) == ' ') {
                i--;
            }
        }
        if (i < 1 || s.charAt(i) != '.') {
            return false;
        }
        int digits = i - 1;
        while (digits >= 0 && Character.isDigit(s.charAt(digits))) {
            digits--;
        }
        return digits < i - 1 && i - 1 - digits <= 2 && (digits < 0 || s.charAt(digits) == ' '
                || s.charAt(digits) == '\n' || s.charAt(digits) == '\u00b6');
    }

    /** Is the letter at {@code i} inside a bracketed marking such as {@code (C/NF)}? */
    private static boolean insideMarking(String s, int i) {
        int open = s.lastIndexOf('(', i);
        int close = s.indexOf(')', i);
        return open >= 0 && close > i && close - open <= 10 && s.lastIndexOf(')', i) < open;
    }

    /** Where the summary's text starts after its heading: past the heading's tail, colons, dots, dashes, blanks. */
    private static int afterHeading(String s, int at) {
        int i = at + "SUMMARY".length();
        for (String tail : HEADING_TAILS) {
            if (s.regionMatches(true, i, tail, 0, tail.length())) {
                i += tail.length();
                break;
            }
        }
        while (i < s.length() && " :.-\n\t\u2010\u2013,".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    /** The end of the paragraph that starts at {@code start}: its next blank line or rule. */
    private static int paragraphEnd(CableText text, int start) {
        int line = text.lineAt(start);
        boolean content = false;
        for (int i = line; i < text.size(); i++) {
            LineKind k = text.kinds[i];
            if ((k == LineKind.BLANK || k == LineKind.PARAGRAPH && i > line || Strings.isRule(text.lines[i])) && content) {
                return text.offsets[i];
            }
            content = content || (k != LineKind.BLANK && text.offsets[i] + text.lines[i].length() > start);
        }
        return text.source.length();
    }

    /**
     * The text of [from, to), line by line without page breaks, furniture and rules, cleaned as it is copied: without
     * the paragraph numbers and markings inside it (at a line's start, or after a sentence where a flattened text ran
     * the paragraphs together: {@code security. 3. (SBU) Summary continued}), a marking opening it, the
     * blank-standing backslashes a conversion left, and with runs of blanks as one space.
     */
    private static String clean(CableText text, int from, int to) {
        Cleaner c = new Cleaner(Math.min(to - from, MAX_LENGTH));
        for (int i = text.lineAt(from); i < text.size() && text.offsets[i] < to; i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.PAGE_BREAK || k == LineKind.FURNITURE || k == LineKind.BLANK || Strings.isRule(text.lines[i])) {
                continue;
            }
            int start = Math.max(from, text.offsets[i]) - text.offsets[i];
            int end = Math.min(to - text.offsets[i], text.lines[i].length());
            if (start < end) {
                // the summary's first words may be a marking too: "Summary: (SBU) Japanese ..."
                c.line(text.lines[i], start, end, start == 0 || c.b.length() == 0);
            }
        }
        int end = c.b.length();
        while (end > 0 && c.b.charAt(end - 1) == ' ') {
            end--;
        }
        return end == 0 ? null : c.b.substring(0, end);
    }

    /** The summary as it is built, and whether a blank is due before the next word. */
    private static final class Cleaner {
        final StringBuilder b;
        boolean blank;

        Cleaner(int capacity) {
            b = new StringBuilder(capacity);
        }

        void line(String s, int from, int n, boolean lineStart) {
            blank = b.length() > 0;
            int i = lineStart ? skipNumberAndMarking(s, from, true) : from;
            if (plain(s, i, n)) {
                append(s, i, n); // most lines: nothing to leave out, copied at once
                return;
            }
            while (i < n) {
                // the plain text up to the next place that needs a look, copied at once (a line is trimmed)
                int j = i;
                while (j < n && !needsLook(s, j)) {
                    j++;
                }
                if (j > i) {
                    append(s, i, j);
                    i = j;
                    continue;
                }
                char c = s.charAt(i);
                if (c == ' ' || c == '\t') {
                    blank = b.length() > 0;
                    i++;
                } else if (c == '\\') {
                    i++; // a line continuation a conversion left standing alone
                } else {
                    int k = skipNumberAndMarking(s, i, false);
                    if (k > i) {
                        i = k;
                    } else {
                        append(s, i, i + 1);
                        i++;
                    }
                }
            }
        }

        private void append(String s, int from, int to) {
            int f = from;
            if (b.length() == 0) {
                while (f < to && " :.-".indexOf(s.charAt(f)) >= 0) {
                    f++;
                }
                if (f == to) {
                    return;
                }
            }
            if (blank && b.length() > 0) {
                b.append(' ');
            }
            blank = false;
            b.append(s, f, to);
        }
    }

    /**
     * Is [from, to) plain text: no run of blanks, tab or backslash, and no number after a sentence ({@code . 3. })?
     * One pass of plain comparisons: cheaper than a search per kind on lines this short.
     */
    private static boolean plain(String s, int from, int to) {
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            if (c == '\t' || c == '\\') {
                return false;
            }
            if (c == ' ' && j + 1 < to) {
                char next = s.charAt(j + 1);
                if (next == ' ' || (next >= '0' && next <= '9' && j > from
                        && ".)\"?!'".indexOf(s.charAt(j - 1)) >= 0)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * Does the character at {@code j} need a look: a second blank or a tab, a backslash standing alone, a digit
     * after a sentence (a paragraph number run into the text)?
     */
    private static boolean needsLook(String s, int j) {
        char c = s.charAt(j);
        if (c > '9') {
            return c == '\\' && s.charAt(j - 1 < 0 ? 0 : j - 1) == ' ';
        }
        if (c == ' ') {
            return j + 1 < s.length() && s.charAt(j + 1) == ' ';
        }
        if (c >= '0') {
            return j >= 2 && s.charAt(j - 1) == ' ' && ".!?\"')".indexOf(s.charAt(j - 2)) >= 0;
        }
        return c == '\t';
    }


    /**
     * The end of {@code ¶12. (C) } at {@code i}: at a line's start the number, the marking or both; inside a line only
     * both; {@code i} when there is neither.
     */
    private static int skipNumberAndMarking(String s, int i, boolean lineStart) {
        int n = s.length();
        int j = i;
        while (lineStart && j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
            j++;
        }
        int afterBlanks = j;
        if (j < n && s.charAt(j) == '\u00b6') {
            j++;
        }
        int digits = j;
        while (j < n && j - digits < 2 && Character.isDigit(s.charAt(j))) {
            j++;
        }
        boolean number = false;
        if (j > digits) {
            int k = j < n && s.charAt(j) == ' ' ? j + 1 : j;
            if (k < n && s.charAt(k) == '.') {
                number = true;
                j = k + 1;
                while (j < n && s.charAt(j) == ' ') {
                    j++;
                }
            }
        }
        if (!number) {
            j = afterBlanks;
        }
        int marking = markingEnd(s, j);
        if (marking > j) {
            j = marking;
            while (j < n && s.charAt(j) == ' ') {
                j++;
            }
            return j;
        }
        return lineStart && number ? j : i;
    }

    /** The end of a portion marking at {@code at}, or {@code at} when there is none. */
    private static int markingEnd(String s, int at) {
        if (at >= s.length() || s.charAt(at) != '(') {
            return at;
        }
        int close = s.indexOf(')', at);
        if (close < 0 || close - at > 30) {
            return at;
        }
        String inside = s.substring(at + 1, close);
        boolean marking = MARKINGS.contains(inside) || inside.startsWith("C/REL") || inside.startsWith("S/REL")
                || inside.startsWith("C//REL") || inside.startsWith("S//REL") || inside.startsWith("U/REL");
        return marking ? close + 1 : at;
    }

}
