package io.cablestream.parser;

import java.util.Locale;

/**
 * A source name (file name, archive entry, URL, cables.csv id) read as the release's canonical id: the release
 * names its files after the cables ({@code cables/02ROME1196.txt}, {@code cable/2002/03/02ROME1196.html}).
 */
record SourceName(String written, int year, String id) {

    /** The canonical id of the name's last path segment, without extension; null if that is none. */
    static SourceName of(String source) {
        if (source == null) {
            return null;
        }
        String s = source.strip();
        int slash = Math.max(Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\')), s.lastIndexOf('!'));
        String name = s.substring(slash + 1);
        int dot = name.indexOf('.');
        String id = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
        // two digits of year, the station's letters, the serial's digits: 02ROME1196
        int letters = 2;
        while (letters < id.length() && id.charAt(letters) >= 'A' && id.charAt(letters) <= 'Z') {
            letters++;
        }
        int digits = letters;
        while (digits < id.length() && LineScanner.isDigit(id.charAt(digits))) {
            digits++;
        }
        if (id.length() < 4 || !LineScanner.isDigit(id.charAt(0)) || !LineScanner.isDigit(id.charAt(1))
                || letters == 2 || digits == letters || digits != id.length() || digits - letters > 7) {
            return null;
        }
        int year = Integer.parseInt(id.substring(0, 2));
        return new SourceName(s, year, CableIdExtractor.id(year, id.substring(2, letters), id.substring(letters)));
    }

    /**
     * Is this the id of the text's station and serial? Both sides are made into an id the same way: SECSTATE is
     * STATE, USUN is USUNNEWYORK, SAO PAULO is SAOPAULO, 001196 is 1196.
     */
    boolean agrees(String station, String serial) {
        return id.equals(CableIdExtractor.id(year, station, serial));
    }
}
