package io.cablestream.parser;

import io.cablestream.events.ParsedCable.ExecutiveOrder;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * {@code E.O. 12958: DECL: 04/07/2019}: the order and the declassification date (absent for N/A or OADR). Both are
 * read without a matcher: the two case-blind regexes that did it were a fortieth of a parse, for one line a cable.
 */
final class ExecutiveOrderExtractor {

    private ExecutiveOrderExtractor() {
    }

    static ExecutiveOrder extract(CableText text, Warnings warnings) {
        int at = text.first(LineKind.EO, text.bodyStart);
        if (at < 0) {
            at = text.first(LineKind.EO);
        }
        if (at < 0) {
            at = lowerCaseLine(text);
        }
        if (at < 0) {
            return null;
        }
        String line = text.lines[at];
        String order = orderNumber(line);
        LocalDate decl = null;
        String head = line.length() > 200 ? line.substring(0, 200) : line;
        int word = indexOfDecl(head);
        int[] date = word < 0 ? null : declassificationDate(head, word);
        if (date != null) {
            try {
                decl = LocalDate.of(date[0], date[1], date[2]);
            } catch (DateTimeException e) {
                warnings.add("BAD_DECLASSIFICATION_DATE",
                        "impossible declassification date: " + head.substring(word, date[3]));
            }
        }
        return order == null && decl == null ? null : new ExecutiveOrder(order, decl);
    }

    /**
     * The order's number at the line's start, {@code (?i)^E\.?\s?[O0]\.?\s*+(\d{4,5})}: {@code E.O. 12958},
     * {@code EO 13526}, {@code E.0.12958}, {@code e.o. 12958}; null if the line does not start so.
     */
    static String orderNumber(String line) {
        int n = line.length();
        if (n == 0 || (line.charAt(0) != 'E' && line.charAt(0) != 'e')) {
            return null;
        }
        int i = skipDot(line, 1);
        if (i < n && LineScanner.isRegexSpace(line.charAt(i))) {
            i++;
        }
        if (i >= n || (line.charAt(i) != 'O' && line.charAt(i) != 'o' && line.charAt(i) != '0')) {
            return null;
        }
        i = LineScanner.skipRegexSpaces(line, skipDot(line, i + 1));
        int end = digitsEnd(line, i, 5);
        return end - i >= 4 ? line.substring(i, end) : null;
    }

    /**
     * After the word DECL at {@code at} (a colon and blanks may follow it), {@code M/D/YYYY}, {@code M/D/YY} or
     * {@code YYYY/M/D} ({@code YYYY-M-D}) ending at a word's end: {year, month, day, end of the date}, or null.
     */
    private static int[] declassificationDate(String s, int at) {
        int i = LineScanner.skipRegexSpaces(s, at + "DECL".length());
        if (i < s.length() && s.charAt(i) == ':') {
            i = LineScanner.skipRegexSpaces(s, i + 1);
        }
        int first = digitsEnd(s, i, Integer.MAX_VALUE);
        if (first - i <= 2 && separatorAt(s, first, false)) {
            int second = digitsEnd(s, first + 1, Integer.MAX_VALUE);
            if (second - first - 1 <= 2 && separatorAt(s, second, false)) {
                int year = digitsEnd(s, second + 1, Integer.MAX_VALUE);
                int digits = year - second - 1;
                if ((digits == 4 || digits == 2) && endsWord(s, year)) {
                    return new int[]{(digits == 2 ? 2000 : 0) + number(s, second + 1, year), number(s, i, first),
                        number(s, first + 1, second), year};
                }
            }
        }
        if (first - i == 4 && separatorAt(s, first, true)) {
            int month = digitsEnd(s, first + 1, Integer.MAX_VALUE);
            if (month - first - 1 <= 2 && separatorAt(s, month, true)) {
                int day = digitsEnd(s, month + 1, Integer.MAX_VALUE);
                if (day > month + 1 && day - month - 1 <= 2 && endsWord(s, day)) {
                    return new int[]{number(s, i, first), number(s, first + 1, month), number(s, month + 1, day), day};
                }
            }
        }
        return null;
    }

    /** A "/" (or, when {@code dash}, a "-") at {@code i} that follows at least one digit. */
    private static boolean separatorAt(String s, int i, boolean dash) {
        if (i == 0 || i >= s.length() || !LineScanner.isDigit(s.charAt(i - 1))) {
            return false;
        }
        char c = s.charAt(i);
        return c == '/' || (dash && c == '-');
    }

    /** Does a word end at {@code i} (a regex {@code \b} after a digit)? */
    private static boolean endsWord(String s, int i) {
        return i >= s.length() || (s.charAt(i) != '_' && !Character.isLetterOrDigit(s.charAt(i)));
    }

    /** The end of the run of digits from {@code from}; a run longer than {@code max} ends after {@code max}. */
    private static int digitsEnd(String s, int from, int max) {
        int i = from;
        while (i < s.length() && i - from < max && LineScanner.isDigit(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static int number(String s, int from, int to) {
        return Integer.parseInt(s, from, to, 10);
    }

    private static int skipDot(String s, int i) {
        return i < s.length() && s.charAt(i) == '.' ? i + 1 : i;
    }

    private static int indexOfDecl(String s) {
        for (String form : new String[]{"DECL", "decl", "Decl"}) {
            int at = s.indexOf(form);
            if (at >= 0) {
                return at;
            }
        }
        return -1;
    }

    /** {@code E.o. 12958: decl: ...}: an order line in lower or mixed case, which the line scan does not mark. */
    private static int lowerCaseLine(CableText text) {
        for (int i = 0; i < Math.min(text.size(), 80); i++) {
            String line = text.lines[i];
            if (line.length() > 4 && orderNumber(line) != null) {
                return i;
            }
        }
        return -1;
    }
}
