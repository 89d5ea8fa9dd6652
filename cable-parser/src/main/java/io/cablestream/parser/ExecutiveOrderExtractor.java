package io.cablestream.parser;

import io.cablestream.events.ParsedCable.ExecutiveOrder;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code E.O. 12958: DECL: 04/07/2019}: the order and the declassification date (absent for N/A or OADR). */
final class ExecutiveOrderExtractor {

    private static final Pattern EO = Pattern.compile("^E\\.?\\s?[O0]\\.?\\s*(\\d{5})");
    private static final Pattern DECL = Pattern.compile("DECL\\s*:?\\s*(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})\\b");

    private ExecutiveOrderExtractor() {
    }

    static ExecutiveOrder extract(CableText text, Warnings warnings) {
        int at = text.first(LineKind.EO, text.bodyStart);
        if (at < 0) {
            at = text.first(LineKind.EO);
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
        if (head.contains("DECL") && d.find()) { // the literal first: find() would try the regex at every place
            int year = d.group(3).length() == 2 ? 2000 + Integer.parseInt(d.group(3)) : Integer.parseInt(d.group(3));
            try {
                decl = LocalDate.of(year, Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)));
            } catch (DateTimeException e) {
                warnings.add("BAD_DECLASSIFICATION_DATE", "impossible declassification date: " + d.group());
            }
        }
        return order == null && decl == null ? null : new ExecutiveOrder(order, decl);
    }
}
