package io.cablestream.parser;

import io.cablestream.events.ByteWords;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one normalisation pass: line endings, control characters, mis-decoded characters and the markup that
 * PDF, OCR and markdown conversions leave in feeds (see 09USOSCE86-ocr.txt), so that extractors see plain lines.
 */
final class Normaliser {

    /** Inline HTML the release's pages and markdown converters leave, e.g. {@code TAGS: <u>EAID OSCE PREL</u>}. */
    private static final Pattern HTML_TAG = Pattern.compile(
            "</?(?i:u|b|i|em|strong|p|br|pre|a|span|div|font|tt|code|sup|sub)(?:\\s[^<>\\n]{0,200})?/?>");
    private static final String TAG_INITIALS = "ubiespadftcUBIESPADFTC";
    /** LaTeX residue of an underlined pilcrow from OCR: "$\\underline{...}$ 2.". */
    private static final String LATEX_START = "$\\underline{";

    /**
     * Field starts that flattened feeds glue to the text before them (05LIMA3571: {@code ...AGUILERAE.O. 12958: DECL:
     * 08/16/2015TAGS: EMIN ...}); the first of each is moved to a line of its own.
     */
    private static final String[] GLUED = {"C O N F I D E N T I A L", "S E C R E T", "E.O. 1", "TAGS:", "SUBJECT:",
        "Classified By:", "CLASSIFIED BY:", "\u00b61."};

    static final String MARKUP = "MARKUP_REMOVED";
    static final String OCR = "OCR_PILCROW";

    private Normaliser() {
    }

    static String normalise(String text, Warnings warnings) {
        return normalise(text, null, warnings, new SourcePositions());
    }

    /**
     * The normalised text; {@code positions} learn where its characters were in {@code text}. {@code utf8} is
     * null or the UTF-8 bytes {@code text} was decoded from, which the test for characters to repair then reads
     * instead of a copy of the text.
     */
    static String normalise(String text, byte[] utf8, Warnings warnings, SourcePositions positions) {
        boolean clean = utf8 != null ? cleanUtf8(utf8) : clean(text);
        String s = unglue(clean ? text : characters(text, warnings, positions), positions);
        int length = s.length();
        if (s.indexOf('<') >= 0) {
            s = removeTags(s, positions);
        }
        if (s.indexOf('$') >= 0 && s.contains(LATEX_START)) { // a char search is several times faster than a string one
            s = removeLatexUnderlines(s, positions);
        }
        if (s.length() != length) {
            warnings.add(MARKUP, "HTML or LaTeX markup of a conversion was removed");
        }
        if (hasDashedNumber(s)) {
            s = repairDashes(s, warnings, positions);
        }
        return s;
    }

    /**
     * {@code HTML_TAG.matcher(s).replaceAll("")}, the regex tried only at a "<" followed by a tag name's first letter:
     * tried at every character, a megabyte of "<" took 45 ms.
     */
    private static String removeTags(String s, SourcePositions positions) {
        StringBuilder b = null;
        SourcePositions.Trail trail = null;
        Matcher m = HTML_TAG.matcher(s);
        int from = 0;
        int n = s.length();
        for (int at = s.indexOf('<'); at >= 0; ) {
            if (mayStartTag(s, at) && m.region(at, n).lookingAt()) {
                if (b == null) {
                    b = new StringBuilder(n);
                    trail = new SourcePositions.Trail(n);
                }
                b.append(s, from, at);
                trail.copy(from, at);
                from = m.end();
                at = s.indexOf('<', from);
                continue;
            }
            // a run of "<" (a megabyte of them) is passed in one loop: only its last one may open a tag
            int next = at + 1;
            while (next + 1 < n && s.charAt(next) == '<' && s.charAt(next + 1) == '<') {
                next++;
            }
            at = next < n && s.charAt(next) == '<' ? next : s.indexOf('<', next);
        }
        if (b == null) {
            return s;
        }
        trail.copy(from, n);
        positions.follow(trail.end(n));
        return b.append(s, from, n).toString();
    }

    /** After the "<" (and a "/"), the first letter of one of {@link #HTML_TAG}'s names, in either case. */
    private static boolean mayStartTag(String s, int at) {
        int i = at + 1 < s.length() && s.charAt(at + 1) == '/' ? at + 2 : at + 1;
        return i < s.length() && TAG_INITIALS.indexOf(s.charAt(i)) >= 0;
    }

    /**
     * OCR reads the pilcrow of "¶3." as "1" behind a list dash: {@code - 13. (SBU)} is paragraph 3; a dash before an
     * ordinary number ({@code - 2.}) is list residue. Line by line, as a multi-line regex costs a try per character.
     */
    private static String repairDashes(String s, Warnings warnings, SourcePositions positions) {
        StringBuilder b = new StringBuilder(s.length());
        SourcePositions.Trail trail = new SourcePositions.Trail(s.length());
        boolean pilcrows = false;
        int n = s.length();
        int lineStart = 0;
        while (lineStart <= n) {
            int end = s.indexOf('\n', lineStart);
            if (end < 0) {
                end = n;
            }
            int i = lineStart;
            while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            int digits = i + 1;
            while (digits < end && (s.charAt(digits) == ' ' || s.charAt(digits) == '\t')) {
                digits++;
            }
            int j = digits;
            while (j < end && j < digits + 3 && Character.isDigit(s.charAt(j))) {
                j++;
            }
            char c = i < end ? s.charAt(i) : ' ';
            boolean dashed = (c == '-' || c == '\u2013' || c == '\u2022') && digits > i + 1 && j > digits
                    && j < end && s.charAt(j) == '.' && j - digits <= 2 && (j + 1 == end || s.charAt(j + 1) == ' ');
            if (dashed && j - digits == 2 && s.charAt(digits) == '1') {
                b.append('\u00b6').append(s, digits + 1, end);
                trail.copy(digits, end);
                pilcrows = true;
            } else if (dashed) {
                b.append(s, digits, end);
                trail.copy(digits, end);
            } else {
                b.append(s, lineStart, end);
                trail.copy(lineStart, end);
            }
            if (end < n) {
                b.append('\n');
                trail.add(end);
            }
            lineStart = end + 1;
        }
        if (pilcrows) {
            warnings.add(OCR, "paragraph numbers read by OCR as '- 1n.' were repaired");
        }
        positions.follow(trail.end(n));
        return b.toString();
    }

    /** Removes each {@code $\\underline{...}$} whose braces close within 40 characters on the same line. */
    private static String removeLatexUnderlines(String s, SourcePositions positions) {
        StringBuilder b = new StringBuilder(s.length());
        SourcePositions.Trail trail = new SourcePositions.Trail(s.length());
        int from = 0;
        int at = s.indexOf(LATEX_START);
        while (at >= 0) {
            int close = -1;
            int limit = Math.min(s.length() - 1, at + LATEX_START.length() + 41);
            for (int k = at + LATEX_START.length(); k < limit && s.charAt(k) != '\n'; k++) {
                if (s.charAt(k) == '}' && s.charAt(k + 1) == '$') {
                    close = k;
                    break;
                }
            }
            boolean closes = close >= 0;
            if (closes) {
                b.append(s, from, at);
                trail.copy(from, at);
                from = close + 2;
            }
            at = s.indexOf(LATEX_START, closes ? from : at + 1);
        }
        trail.copy(from, s.length());
        positions.follow(trail.end(s.length()));
        return b.append(s, from, s.length()).toString();
    }

    /**
     * Is there a line starting with a dash or bullet and a number? Only then can the OCR patterns match. Read from
     * each dash or bullet (found by char searches, much faster than a walk over every line) back to its line start.
     */
    private static boolean hasDashedNumber(String s) {
        return hasDashedNumber(s, '-') || hasDashedNumber(s, '\u2013') || hasDashedNumber(s, '\u2022');
    }

    /** A {@code dash} with only spaces before it on its line, then spaces or tabs and a digit. */
    private static boolean hasDashedNumber(String s, char dash) {
        int n = s.length();
        for (int at = s.indexOf(dash); at >= 0; at = s.indexOf(dash, skipRun(s, at, dash))) {
            int i = at - 1;
            while (i >= 0 && s.charAt(i) == ' ') {
                i--;
            }
            if (i >= 0 && s.charAt(i) != '\n') {
                continue;
            }
            int j = at + 1;
            while (j < n && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            if (j > at + 1 && j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** The end of the run of {@code c} starting at {@code at}: only a run's first dash can start a dashed number. */
    private static int skipRun(String s, int at, char c) {
        int i = at + 1;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        return i;
    }

    private static String unglue(String s, SourcePositions positions) {
        StringBuilder b = null;
        // the text as the next marker must see it; rebuilt from b only after an insertion (14% of corpus cables)
        String current = s;
        // where each line break was inserted: before character breaks[k] of s, in increasing order
        int[] breaks = new int[GLUED.length];
        int inserted = 0;
        // the spaced classification words both hold " E ": one search for it says where either can first be
        int spacedE = s.indexOf(" E ");
        for (String marker : GLUED) {
            if (current == null) {
                current = b.toString();
            }
            int e = marker.indexOf(" E ");
            int at;
            if (e >= 0 && b == null) {
                at = spacedE < 0 ? -1 : current.indexOf(marker, Math.max(0, spacedE - e));
            } else {
                at = indexOf(current, marker);
            }
            if (at <= 0 || (marker.startsWith("E.O.") && !isOrderLine(current, at))) {
                continue;
            }
            int j = at - 1;
            while (j >= 0 && current.charAt(j) == ' ') {
                j--;
            }
            boolean topSecret = j >= 4 && current.startsWith("T O P", j - 4);
            if (j >= 0 && current.charAt(j) != '\n' && !topSecret) {
                if (b == null) {
                    b = new StringBuilder(s.length() + GLUED.length).append(s);
                }
                b.insert(at, '\n');
                inserted = insertBreak(breaks, inserted, at);
                current = null;
            }
        }
        if (b == null) {
            return current;
        }
        positions.followInsertions(breaks, inserted, s.length());
        return b.toString();
    }

    /**
     * Records a line break inserted at {@code at} of the text with the breaks before it: it stands before character
     * {@code at} less the breaks already before it, of the text without breaks. Returns the new count.
     */
    private static int insertBreak(int[] breaks, int count, int at) {
        int k = 0;
        // break k stands at breaks[k] + k in the text with the breaks
        while (k < count && breaks[k] + k < at) {
            k++;
        }
        System.arraycopy(breaks, k, breaks, k + 1, count - k);
        breaks[k] = at - k;
        return count + 1;
    }

    /**
     * {@code E.O. 12958:} starts the order line; {@code E.O. 12958 reasons} inside a Classified By statement does not,
     * and stays where it is.
     */
    private static boolean isOrderLine(String s, int at) {
        int colon = at + "E.O. 12958".length();
        return colon < s.length() && (s.charAt(colon) == ':' || (colon + 1 < s.length() && s.charAt(colon + 1) == ':'));
    }

    /**
     * {@code text.indexOf(marker)}, found through the marker's ':' or '¶' where it has one: a search for one char is
     * several times faster than one for a string, and these chars are rare in cables.
     */
    static int indexOf(String text, String marker) {
        int anchor = marker.indexOf(':');
        if (anchor < 0) {
            anchor = marker.indexOf('\u00b6');
        }
        if (anchor < 0) {
            return text.indexOf(marker);
        }
        char c = marker.charAt(anchor);
        int n = text.length();
        for (int at = text.indexOf(c, anchor); at >= 0; ) {
            if (text.startsWith(marker, at - anchor)) {
                return at - anchor;
            }
            // a run of the anchor (a megabyte of ":") is passed in one loop: inside it no marker can match (a marker's
            // characters beside its anchor are not the anchor), only at its ends
            int next = at + 1;
            while (next < n && text.charAt(next) == c) {
                next++;
            }
            if (next - 1 > at && text.startsWith(marker, next - 1 - anchor)) {
                return next - 1 - anchor;
            }
            at = text.indexOf(c, next);
        }
        return -1;
    }

    /**
     * True when no character needs the pass below, the common case: none of CR, tab, NUL, FF, VT, backslash, DEL,
     * no-break space, the Latin-1 readings of UTF-8 lead bytes (Â, Ã, â) and the Unicode line and paragraph
     * separators (other control characters are harmless and rare). Tested on the text's UTF-8 ({@link #cleanUtf8}):
     * the parser passes the bytes it decoded, so only a text from a guessed charset is encoded for it.
     */
    static boolean clean(String text) {
        return cleanUtf8(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #clean} read off the UTF-8 bytes of a text, eight at a time ({@link #mayNeedCleaning}); only a word
     * that may hold such a character is looked at byte by byte, where the characters above ASCII are the sequences
     * C2 A0, C3 82, C3 83, C3 A2, E2 80 A8 and E2 80 A9. A char-by-char test was a tenth of a parse under C2; 13
     * {@code String.indexOf} passes before it were a fifth under C1, which the services run.
     */
    static boolean cleanUtf8(byte[] b) {
        int n = b.length;
        int i = 0;
        for (; i + ByteWords.SIZE <= n; i += ByteWords.SIZE) {
            if (mayNeedCleaning(ByteWords.at(b, i)) && !cleanUtf8(b, i, i + ByteWords.SIZE)) {
                return false;
            }
        }
        return cleanUtf8(b, i, n);
    }

    /** No sequence starting in {@code b[from, to)} needs the pass below (it may end after {@code to}). */
    private static boolean cleanUtf8(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c < 0x80) {
                if (c < 0x20 ? isSpecialControl((char) c) : c == '\\' || c == 0x7f) {
                    return false;
                }
                continue;
            }
            int next = i + 1 < b.length ? b[i + 1] & 0xff : 0;
            boolean special = switch (c) {
                case 0xc2 -> next == 0xa0;
                case 0xc3 -> next == 0x82 || next == 0x83 || next == 0xa2;
                case 0xe2 -> next == 0x80 && i + 2 < b.length && ((b[i + 2] & 0xff) == 0xa8 || (b[i + 2] & 0xff) == 0xa9);
                default -> false;
            };
            if (special) {
                return false;
            }
        }
        return true;
    }

    /**
     * False only when all eight bytes are ASCII, none a control character other than LF, a backslash or DEL: then
     * nothing in them needs the pass below. True may be a false alarm (the bytes are then tested one by one).
     */
    static boolean mayNeedCleaning(long word) {
        return (ByteWords.aboveAscii(word) | (ByteWords.below(word, 0x20) & ~ByteWords.equal(word, (byte) '\n'))
                | ByteWords.equal(word, (byte) '\\') | ByteWords.equal(word, (byte) 0x7f)) != 0;
    }

    private static boolean isSpecialControl(char c) {
        return c == '\r' || c == '\t' || c == '\0' || c == '\f' || c == '\u000b';
    }

    /** A backslash not ending a line, a Â or Ã not followed by a continuation byte: left in the run. */
    private static boolean keptAsIs(String text, int i) {
        char c = text.charAt(i);
        boolean last = i + 1 == text.length();
        char next = last ? 0 : text.charAt(i + 1);
        if (c == '\\') {
            return !last && next != '\n' && next != '\r';
        }
        if (c == '\u00c2' || c == '\u00c3') {
            return last || next < '\u0080' || next > '\u00bf';
        }
        return false;
    }

    /** The characters the pass below may change (those {@link #clean} looks for and the other control characters). */
    private static boolean mayChange(char c) {
        return c < 0x20 ? c != '\n' : c == '\\' || c == '\u00a0' || c == '\u00c2' || c == '\u00c3' || c == '\u00e2'
                || c == '\u2028' || c == '\u2029' || c == '\u007f';
    }

    /** Line endings to LF, control characters out, UTF-8-read-as-Latin-1 pairs ({@code Â¶}) back to one character. */
    private static String characters(String text, Warnings warnings, SourcePositions positions) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        SourcePositions.Trail trail = new SourcePositions.Trail(n);
        int nul = 0;
        int mojibake = 0;
        // the characters between two that may change are copied as one run, not one by one
        int run = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!mayChange(c) || keptAsIs(text, i)) {
                continue;
            }
            out.append(text, run, i);
            trail.copy(run, i);
            int replaced = out.length();
            int at = i;
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n') {
                out.append('\n');
            } else if (c == '\\' && (i + 1 == n || text.charAt(i + 1) == '\n' || text.charAt(i + 1) == '\r')) {
                // 45 corpus cables end every line with " \" (a line-continuation artefact of their export): dropped
            } else if (c == '\t' || c == '\u00a0') {
                out.append(' ');
            } else if (c == '\f' || c == '\u2028' || c == '\u2029') {
                out.append('\n');
            } else if (c < 0x20 || c == 0x7f) {
                if (c == 0) {
                    nul++;
                }
            } else if ((c == '\u00c2' || c == '\u00c3') && i + 1 < n && text.charAt(i + 1) >= '\u0080'
                    && text.charAt(i + 1) <= '\u00bf') {
                char next = text.charAt(++i);
                out.append(c == '\u00c2' ? next : (char) (next + 0x40));
                mojibake++;
            } else if (c == '\u00e2' && i + 2 < n && Mojibake.continuation(text.charAt(i + 1)) >= 0
                    && Mojibake.continuation(text.charAt(i + 2)) >= 0) {
                // the three bytes of U+2000-U+2FFF (curly quotes, dashes, ellipsis) read as Latin-1 or Windows-1252
                out.append((char) (0x2000 | (Mojibake.continuation(text.charAt(i + 1)) & 0x3f) << 6
                        | (Mojibake.continuation(text.charAt(i + 2)) & 0x3f)));
                i += 2;
                mojibake++;
            } else {
                out.append(c);
            }
            if (out.length() > replaced) {
                // the one character each branch appends stands for the characters from at
                trail.add(at);
            }
            run = i + 1;
        }
        out.append(text, run, n);
        trail.copy(run, n);
        positions.follow(trail.end(n));
        if (nul > 0) {
            warnings.add("NUL_BYTES", nul + " NUL characters removed");
        }
        if (mojibake > 0) {
            warnings.add("MISDECODED_CHARACTERS", mojibake + " UTF-8 sequences read as Latin-1 were repaired");
        }
        return out.toString();
    }
}
