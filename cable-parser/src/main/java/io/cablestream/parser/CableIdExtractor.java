package io.cablestream.parser;

import java.util.Map;

/**
 * The canonical id {@code 09USOSCE86}: two-digit DTG year + station of the classification line + serial as an
 * integer, with the release's station aliases.
 */
final class CableIdExtractor {

    /** Stations the release names differently from the classification line. */
    private static final Map<String, String> ALIASES = Map.of(
            "SECSTATE", "STATE",
            "SECSTATEWASHDC", "STATE",
            "WASHDC", "STATE",
            "USUN", "USUNNEWYORK",
            "USUNNEW YORK", "USUNNEWYORK");

    private CableIdExtractor() {
    }

    static String extract(ClassificationLine line, DtgExtractor.Dtg dtg, Warnings warnings) {
        if (line == null || line.station() == null || dtg == null) {
            warnings.add("NO_CABLE_ID", "no cable id: " + (dtg == null ? "no date-time group" : "no station and serial"));
            return null;
        }
        return id(dtg.year(), line.station(), line.serial());
    }

    static String id(int year, String station, String serial) {
        String yy = String.format("%02d", year % 100);
        return yy + station(station) + Long.parseLong(serial);
    }

    static String station(String written) {
        String s = written.replace(" ", "").replace(".", "");
        return ALIASES.getOrDefault(s, s);
    }
}
