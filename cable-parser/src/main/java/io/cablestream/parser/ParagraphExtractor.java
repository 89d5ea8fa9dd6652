package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Paragraph;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbered paragraphs with their markings. Repairs what conversions do to the numbers: a paragraph glued to the
 * end of the previous one ({@code ... partnership. 14. (SBU) At ...}) and OCR reading the pilcrow as a leading 1
 * ({@code 13.} for ¶3), both in 09USOSCE86-ocr.
 */
final class ParagraphExtractor {

    /** Portion markings: (U) (SBU) (C) (S) (TS) (S/NF) (C//NF) (C/REL UK) (U/FOUO) (LOU). */
    static final String MARKING = "(?:U|SBU|C|S|TS|LOU|FOUO|U/FOUO|(?:S|C|TS|SBU|U)/{1,2}(?:NF|NOFORN|FOUO|ORCON|REL[A-Z ,]{0,20}))";
    private static final Pattern MARKING_ONLY = Pattern.compile(MARKING);
    private static final int MAX_PARAGRAPHS = 500;

    private ParagraphExtractor() {
    }

    static List<Paragraph> extract(CableText text, Warnings warnings) {
        List<Paragraph> out = new ArrayList<>();
        // one builder for all paragraphs of the cable: it grows once to the longest, not once per paragraph
        StringBuilder current = new StringBuilder(256);
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
                        number = split(out, number, marking, current.toString(), warnings);
                    }
                    number = repair(start.number(), number);
                    marking = start.marking();
                    current.setLength(0);
                    current.append(line, start.end(), line.length());
                    open = true;
                    continue;
                }
            }
            if (!open) {
                continue;
            }
            if (k == LineKind.TEXT || k == LineKind.CAVEAT || k == LineKind.CLASSIFICATION_BARE) {
                if (current.length() < 200_000) {
                    if (current.length() > 0) {
                        current.append(' ');
                    }
                    current.append(line);
                }
            } else if (k == LineKind.END || k == LineKind.BT) {
                break;
            }
        }
        if (open) {
            split(out, number, marking, current.toString(), warnings);
        }
        return out;
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
            i = skipSpaces(s, 1);
        }
        int digits = i;
        while (i < n && i - digits < 3 && isDigit(s.charAt(i))) {
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
        i = skipSpaces(s, i + 1);
        String marking = null;
        if (i < n && s.charAt(i) == '(') {
            // a marking holds no ')' and is at most 27 characters: the first ')' closes it, if it is one
            int close = s.indexOf(')', i + 1);
            if (close > 0 && close - i <= 40 && isMarking(s.substring(i + 1, close))) {
                marking = s.substring(i + 1, close);
                i = skipSpaces(s, close + 1);
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

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && LineScanner.isRegexSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    /** OCR reads ¶3 as 13: a number ten above the expected one, before paragraph 10, is the expected one. */
    private static int repair(int n, int previous) {
        int expected = previous + 1;
        return n == expected + 10 && expected < 10 ? expected : n;
    }

    /** Adds the paragraph, cut where the next expected paragraph number is glued into its text. */
    private static int split(List<Paragraph> out, int number, String marking, String text, Warnings warnings) {
        int n = number;
        String m = marking;
        String rest = text;
        while (out.size() < MAX_PARAGRAPHS) {
            int[] glued = findGlued(rest, n);
            if (glued == null) {
                break;
            }
            int cut = glued[0];
            int next = glued[1];
            out.add(paragraph(n, m, rest.substring(0, cut)));
            warnings.add("GLUED_PARAGRAPH", "paragraph " + next + " was glued to paragraph " + n);
            String tail = rest.substring(glued[2]);
            Start start = start(tail);
            if (start != null) {
                m = start.marking();
                rest = tail.substring(start.end());
            } else {
                m = null;
                rest = tail;
            }
            n = next;
        }
        out.add(paragraph(n, m, rest));
        return n;
    }

    /**
     * The next paragraph number glued inside a text: {@code N. } after a sentence end or a pilcrow, where N (after
     * the OCR repair) is the one expected after {@code n}. Returns {cut, number, start of "N."} or null. A scan for
     * digits rather than a regex, as it reads every paragraph's text.
     */
    static int[] findGlued(String s, int n) {
        int len = s.length();
        // every candidate is "N. " with one or two digits: find the ". " and look back, far fewer than characters
        // a char search per '.', cheaper than a string search per ". "
        for (int dot = s.indexOf('.', 1); dot > 0 && dot + 2 < len; dot = s.indexOf('.', dot + 1)) {
            if (s.charAt(dot + 1) != ' ') {
                continue;
            }
            int i = dot;
            while (i > 0 && dot - i < 3 && isDigit(s.charAt(i - 1))) {
                i--;
            }
            int digits = dot - i;
            if (digits == 0 || digits > 2 || i == 0) {
                continue;
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
                continue;
            }
            int number = repair(Integer.parseInt(s.substring(i, dot)), n);
            if (number == n + 1) {
                return new int[]{cut, number, start};
            }
        }
        return null;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
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

    private static Paragraph paragraph(int number, String marking, String text) {
        String t = text.trim();
        if (marking == null && t.startsWith("(")) {
            // a marking after extra spaces or split over a line: "(SBU)" at the start of the text
            int close = t.indexOf(')');
            if (close > 1 && close <= 30 && MARKING_ONLY.matcher(t.substring(1, close)).matches()) {
                marking = t.substring(1, close);
                t = t.substring(close + 1).trim();
            }
        }
        return new Paragraph(number, marking, t);
    }
}
