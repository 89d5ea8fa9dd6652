package io.cablestream.parser;

import io.cablestream.events.ParsedCable.ExecutiveOrder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code E.O. 12958: DECL: 04/07/2019}: the order and the declassification date (absent for N/A or OADR). */
final class ExecutiveOrderExtractor {

    private static final Pattern EO = Pattern.compile("(?i)^E\\.?\\s?[O0]\\.?\\s*+(\\d{4,5})");
    /** {@code DECL: 11/22/2012}, {@code decl: 6/30/08}, {@code DECL: 2020/02/23}, {@code DECL 2020-02-23}. */
    private static final Pattern DECL = Pattern.compile("(?i)DECL\\s*+:?\\s*+(?:(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b"
            + "|(\\d{4})[/-](\\d{1,2})[/-](\\d{1,2})\\b)");

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
        Matcher m = EO.matcher(line);
        String order = m.lookingAt() ? m.group(1) : null;
        LocalDate decl = null;
        String head = line.length() > 200 ? line.substring(0, 200) : line;
        Matcher d = DECL.matcher(head);
        // the regex only where the word is: a case-blind find() would try it at every place
        int word = indexOfDecl(head);
        if (word >= 0 && d.region(word, head.length()).lookingAt()) {
            boolean yearFirst = d.group(4) != null;
            String y = yearFirst ? d.group(4) : d.group(3);
            int year = y.length() == 2 ? 2000 + Integer.parseInt(y) : Integer.parseInt(y);
            try {
                decl = yearFirst ? LocalDate.of(year, Integer.parseInt(d.group(5)), Integer.parseInt(d.group(6)))
                        : LocalDate.of(year, Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)));
            } catch (DateTimeException e) {
                warnings.add("BAD_DECLASSIFICATION_DATE", "impossible declassification date: " + d.group());
            }
        }
        return order == null && decl == null ? null : new ExecutiveOrder(order, decl);
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
            if (line.length() > 4 && (line.charAt(0) == 'E' || line.charAt(0) == 'e') && EO.matcher(line).lookingAt()) {
                return i;
            }
        }
        return -1;
    }
}
