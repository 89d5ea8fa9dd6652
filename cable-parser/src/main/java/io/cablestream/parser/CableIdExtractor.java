package io.cablestream.parser;

import java.util.Map;
import java.util.regex.Matcher;

/**
 * The canonical id {@code 09USOSCE86}: two-digit DTG year + station of the classification line + serial as an
 * integer, cross-checked with the DE line serial, the FM station and the page-break lines. A text without a year
 * takes the id of its source name ({@code 02ROME1196.txt}) where that agrees with the text's station and serial.
 */
final class CableIdExtractor {

    /** Stations the release names differently from the classification line. */
    private static final Map<String, String> ALIASES = Map.of(
            "SECSTATE", "STATE",
            "SECSTATEWASHDC", "STATE",
            "WASHDC", "STATE",
            "USUN", "USUNNEWYORK");

    /**
     * A precedence word ending the FM line, tried only where a run of blanks starts, the run taken whole: as
     * {@code \s+(?:IMMEDIATE|...)$} the search read a run of n blanks n^2/2 times (an FM line with 19,900 blanks
     * below a DTG: 0.9-3.7 s).
     */
    private static final java.util.regex.Pattern PRECEDENCE = java.util.regex.Pattern.compile(
            "(?<!\\s)\\s++(?:IMMEDIATE|PRIORITY|ROUTINE|FLASH|NIACT.*)$");
    private static final java.util.regex.Pattern STATION = java.util.regex.Pattern.compile("[A-Z]{3,25}");

    private CableIdExtractor() {
    }

    static String extract(CableText text, ClassificationLine line, DtgExtractor.Dtg dtg, HeaderExtractor.Result header,
                          ReleaseHeader release, String source, Warnings warnings) {
        String derived = dtg == null ? null : id(dtg.year(), place(text, line, header, warnings));
        if (release != null && release.cableId() != null) {
            if (derived != null && !derived.equals(release.cableId())) {
                warnings.add("CABLE_ID_MISMATCH", "text gives " + derived + ", release header " + release.cableId());
            }
            return release.cableId();
        }
        SourceName name = SourceName.of(source);
        if (name != null && derived == null && dtg == null) {
            return fromSourceName(name, text, line, header, warnings);
        }
        if (name != null && derived != null && !name.id().equals(derived)) {
            warnings.add("SOURCE_NAME_MISMATCH", "source name " + name.written() + " is not the text's id " + derived
                    + "; the text's is kept");
        }
        if (derived == null) {
            warnings.add("NO_CABLE_ID", "no cable id: " + (dtg == null ? "no date-time group"
                    : "no station and serial"));
        }
        return derived;
    }

    /**
     * The source name's id, for a text without a year: only where the text gives a station and serial and the name
     * is the id of both, as no part of a name the text cannot confirm is taken (null then, with the reason).
     */
    private static String fromSourceName(SourceName name, CableText text, ClassificationLine line,
                                         HeaderExtractor.Result header, Warnings warnings) {
        Place place = place(text, line, header, warnings);
        if (place == null) {
            warnings.add("NO_CABLE_ID", "no cable id: no date-time group, and no station and serial to check the"
                    + " source name " + name.written() + " against");
            return null;
        }
        if (!name.agrees(place.station(), place.serial())) {
            warnings.add("SOURCE_NAME_MISMATCH", "source name " + name.written() + " is not the id of the text's "
                    + place.station() + " " + place.serial() + "; not used");
            warnings.add("NO_CABLE_ID", "no cable id: no date-time group");
            return null;
        }
        warnings.add("CABLE_ID_FROM_SOURCE_NAME", "the text has no year: the id is the source name's ("
                + name.written() + "), which agrees with the text's " + place.station() + " " + place.serial());
        return name.id();
    }

    /** Station and serial as the text writes them, e.g. {@code SAO PAULO} and {@code 000872}. */
    private record Place(String station, String serial) {
    }

    private static String id(int year, Place place) {
        return place == null ? null : id(year, place.station(), place.serial());
    }

    /**
     * The station and serial of the classification line (cross-checked with the DE line and the FM station), else of
     * a page-break line, else the FM station and DE serial; null if none.
     */
    private static Place place(CableText text, ClassificationLine line, HeaderExtractor.Result header,
                               Warnings warnings) {
        String origin = origin(header.from());
        String deSerial = header.deSerial();
        if (line != null && line.station() != null) {
            String station = station(line.station());
            String serial = line.serial();
            if (deSerial != null && !agree(deSerial, serial)) {
                if (serial.length() < deSerial.length() && Long.toString(Long.parseLong(deSerial)).startsWith(serial)) {
                    // a serial cut short or glued to the next word (10TRIPOLI112: "TRIPOLI 00011")
                    serial = deSerial;
                } else if (origin != null) {
                    // the classification line of a quoted or repeated cable (07PARIS2725 repeats MOSCOW 005154)
                    warnings.add("CLASSIFICATION_LINE_MISMATCH", "classification line " + line.station() + " "
                            + line.serial() + " disagrees with DE serial " + deSerial + " from " + origin);
                    station = origin;
                    serial = deSerial;
                }
            }
            return new Place(station, serial);
        }
        int pageBreak = text.first(LineKind.PAGE_BREAK);
        if (pageBreak >= 0) {
            Matcher m = LineScanner.PAGE_BREAK.matcher(text.lines[pageBreak]);
            if (m.matches()) {
                return new Place(m.group(1), m.group(2));
            }
        }
        if (origin != null && deSerial != null) {
            return new Place(origin, deSerial);
        }
        return null;
    }

    /** The DE line keeps the last four digits only: #0093 agrees with BOGOTA 010093. */
    private static boolean agree(String deSerial, String serial) {
        long de = Long.parseLong(deSerial);
        long full = Long.parseLong(serial);
        long modulus = (long) Math.pow(10, Math.min(deSerial.length(), 9));
        return full % modulus == de;
    }

    static String id(int year, String station, String serial) {
        String s = Strings.alphanumeric(station(station));
        if (s.isEmpty()) {
            return null;
        }
        return Strings.twoDigits(year) + s + Long.parseLong(serial);
    }

    static String station(String written) {
        String s = written.replace(" ", "").replace(".", "");
        return ALIASES.getOrDefault(s, s);
    }

    /** The station of the FM line: {@code AMEMBASSY LA PAZ} is LAPAZ, {@code SECSTATE WASHDC} is STATE. */
    static String origin(String from) {
        if (from == null || from.isEmpty()) {
            return null;
        }
        String s = from.toUpperCase().trim();
        for (String prefix : new String[]{"AMEMBASSY ", "AMCONSUL ", "USMISSION ", "USINT ", "USDEL ", "USLO ",
                "IRAN ", "AMERICAN EMBASSY "}) {
            if (s.startsWith(prefix)) {
                s = s.substring(prefix.length());
            }
        }
        if (s.startsWith("SECSTATE")) {
            return "STATE";
        }
        int slash = s.indexOf('/');
        if (slash >= 0) {
            s = s.substring(slash + 1);
        }
        s = PRECEDENCE.matcher(s).replaceFirst("");
        s = station(s);
        return STATION.matcher(s).matches() ? s : null;
    }
}
