package io.cablestream.events;

import java.util.List;

/**
 * The text a reader sees of a span of a cable's raw text: the span without its omitted spans, with its lines
 * joined by one space and trimmed, as the parser reads them. Each run of blanks holding a line break becomes one
 * space; tabs and no-break spaces are spaces; other control characters and a backslash ending a line (an export
 * artefact of 45 corpus cables) are left out. The characters are otherwise the raw text's as ingested.
 */
public final class SpanText {

    private SpanText() {
    }

    /** The text of {@code start}..{@code end} (UTF-16 code units, clamped to the text) without {@code omit}. */
    public static String of(String rawText, int start, int end, List<ParsedCable.Span> omit) {
        if (rawText == null) {
            return null;
        }
        int to = Math.min(Math.max(end, 0), rawText.length());
        StringBuilder text = new StringBuilder(Math.max(0, to - start));
        int blanks = 0;
        boolean lineBreak = false;
        int omitted = 0;
        for (int i = Math.max(0, start); i < to; i++) {
            while (omitted < omit.size() && omit.get(omitted).end() <= i) {
                omitted++;
            }
            if (omitted < omit.size() && omit.get(omitted).start() <= i) {
                i = omit.get(omitted).end() - 1;
                continue;
            }
            char c = rawText.charAt(i);
            if (isLineBreak(c)) {
                lineBreak = true;
            } else if (c == ' ' || c == '\t' || c == '\u00a0') {
                blanks++;
            } else if (c < ' ' || c == '\u007f' || (c == '\\' && endsLine(rawText, i + 1))) {
                continue;
            } else {
                if (!text.isEmpty()) {
                    text.append(lineBreak ? " " : " ".repeat(blanks));
                }
                text.append(c);
                blanks = 0;
                lineBreak = false;
            }
        }
        return text.toString();
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\f' || c == '\u2028' || c == '\u2029';
    }

    private static boolean endsLine(String s, int i) {
        return i >= s.length() || s.charAt(i) == '\n' || s.charAt(i) == '\r';
    }
}
