package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Header;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** The ACP-127 transmission header: format line, precedence, routing indicators, DE line, security line, FM. */
final class HeaderExtractor {

    private static final Map<Character, String> PRECEDENCE = Map.of(
            'Z', "FLASH", 'O', "IMMEDIATE", 'P', "PRIORITY", 'R', "ROUTINE");

    private HeaderExtractor() {
    }

    /** The header fields; {@code header} is null when the text has none of them. */
    record Result(Header header, String from, String deSerial) {
    }

    static Result extract(CableText text, DtgExtractor.Dtg dtg, Warnings warnings) {
        String transmissionId = null;
        String action = null;
        String info = null;
        List<String> routing = new ArrayList<>();
        String station = null;
        String serial = null;
        Integer section = null;
        String julian = null;
        String security = null;
        String from = null;
        int end = Math.min(text.size(), text.bodyStart);
        for (int i = 0; i < end; i++) {
            String line = text.lines[i];
            switch (text.kinds[i]) {
                case FORMAT -> {
                    if (transmissionId == null) {
                        transmissionId = Strings.tokens(line).get(0);
                    }
                }
                case ROUTING -> {
                    if (routing.isEmpty()) {
                        String[] tokens = Strings.tokens(line).toArray(new String[0]);
                        int t = 0;
                        String prec = tokens[0];
                        if (prec.length() == 1 && tokens.length > 1 && tokens[1].length() == 1) {
                            prec = prec + tokens[1];
                            t = 1;
                        }
                        action = PRECEDENCE.get(prec.charAt(0));
                        info = prec.length() > 1 ? PRECEDENCE.get(prec.charAt(1)) : null;
                        for (t = t + 1; t < tokens.length; t++) {
                            routing.add(tokens[t]);
                        }
                    }
                }
                case DE -> {
                    if (station == null) {
                        Matcher m = LineScanner.DE.matcher(line);
                        if (m.lookingAt()) {
                            station = m.group(1);
                            serial = m.group(2);
                            section = m.group(3) == null ? null : Integer.valueOf(m.group(3));
                            julian = m.group(4);
                        }
                    }
                }
                case SECURITY -> {
                    if (security == null) {
                        security = line;
                    }
                }
                case FROM -> {
                    if (from == null) {
                        from = line.substring(line.indexOf(' ') + 1).trim();
                    }
                }
                default -> {
                }
            }
        }
        if (action == null && dtg != null && dtg.actionPrecedence() != null) {
            action = PRECEDENCE.get(dtg.actionPrecedence().charAt(0));
            info = dtg.infoPrecedence() == null ? null : PRECEDENCE.get(dtg.infoPrecedence().charAt(0));
        }
        checkJulianDay(julian, dtg, warnings);
        boolean any = transmissionId != null || action != null || station != null || security != null;
        Header header = any ? new Header(transmissionId, action, info, routing, station, serial, section, julian,
                security) : null;
        return new Result(header, from, serial);
    }

    /** The DE line's Julian day must agree with the DTG (a check, not a second source of truth). */
    static void checkJulianDay(String julian, DtgExtractor.Dtg dtg, Warnings warnings) {
        if (julian == null || dtg == null) {
            return;
        }
        int day = Integer.parseInt(julian.substring(0, 3));
        ZonedDateTime t = dtg.instant().atZone(ZoneOffset.UTC);
        if (day != t.getDayOfYear()) {
            warnings.add("JULIAN_DAY_MISMATCH", "DE line day " + day + " disagrees with the DTG's day of year "
                    + t.getDayOfYear());
        }
    }
}
