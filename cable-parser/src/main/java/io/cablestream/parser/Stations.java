package io.cablestream.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stations of cable ids ({@code stations.txt}) and the ways cables write them ({@code station-aliases.txt}):
 * {@code LA PAZ} is LAPAZ, {@code SECSTATE} is STATE, {@code Rio de Janeiro} and {@code RIO} are RIODEJANEIRO,
 * {@code 0TTAWA} is OTTAWA, and a misspelling one letter away from a station of six letters or more is that station
 * ({@code Colomobo}, {@code BRASILA}).
 */
final class Stations {

    private static final Set<String> STATIONS = load("stations.txt").keySet();
    private static final Map<String, String> ALIASES = load("station-aliases.txt");
    /** A misspelling is read as a station only from this length: shorter words are too close to each other. */
    private static final int FUZZY_FROM = 6;

    private Stations() {
    }

    /**
     * The canonical station of {@code written} (words of a station, any case, dots, spaces and hyphens ignored),
     * or null when it is none.
     */
    static String canonical(String written) {
        String exact = exact(written);
        if (exact != null) {
            return exact;
        }
        String key = key(written);
        return key.length() >= FUZZY_FROM ? nearest(key) : null;
    }

    /** As {@link #canonical}, without misspellings: the dictionary's stations and aliases only. */
    static String exact(String written) {
        String key = key(written);
        if (key.isEmpty()) {
            return null;
        }
        // aliases first: some name a station of their own that the release files under another (PARISFR)
        String alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        return STATIONS.contains(key) ? key : null;
    }

    /** Letters only, upper case, an O typed as 0 read as O. */
    static String key(String written) {
        StringBuilder b = new StringBuilder(written.length());
        for (int i = 0; i < written.length(); i++) {
            char c = written.charAt(i);
            if (c == '0') {
                c = 'O';
            }
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
            }
            if (c >= 'A' && c <= 'Z') {
                b.append(c);
            } else if (c != ' ' && c != '.' && c != '-' && c != '\'') {
                return "";
            }
        }
        return b.toString();
    }

    /**
     * The stations by each of their one-letter deletions (and themselves): two words one edit apart (insertion,
     * deletion, substitution, swap) share an entry, so candidates are found by lookups, not by a walk of every station.
     */
    private static final Map<String, Set<String>> BY_DELETION = deletions();

    private static Map<String, Set<String>> deletions() {
        Map<String, Set<String>> out = new HashMap<>();
        for (String station : STATIONS) {
            if (station.length() < FUZZY_FROM) {
                continue;
            }
            out.computeIfAbsent(station, k -> new java.util.TreeSet<>()).add(station);
            for (int i = 0; i < station.length(); i++) {
                String deleted = station.substring(0, i) + station.substring(i + 1);
                out.computeIfAbsent(deleted, k -> new java.util.TreeSet<>()).add(station);
            }
        }
        return out;
    }

    /** The one station one edit (insertion, deletion, substitution or swap) away from {@code key}, or null. */
    private static String nearest(String key) {
        Set<String> candidates = new java.util.HashSet<>(4);
        addAll(candidates, BY_DELETION.get(key));
        char[] deleted = new char[key.length() - 1];
        for (int i = 0; i < key.length(); i++) {
            key.getChars(0, i, deleted, 0);
            key.getChars(i + 1, key.length(), deleted, i);
            addAll(candidates, BY_DELETION.get(new String(deleted)));
        }
        String found = null;
        for (String station : candidates) {
            if (oneEditApart(station, key)) {
                if (found != null) {
                    return null; // two candidates: not for us to choose
                }
                found = station;
            }
        }
        return found;
    }

    private static void addAll(Set<String> into, Set<String> from) {
        if (from != null) {
            into.addAll(from);
        }
    }

    private static boolean oneEditApart(String a, String b) {
        int i = 0;
        int n = Math.min(a.length(), b.length());
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (a.length() == b.length()) {
            if (i + 1 < n && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                    && a.substring(i + 2).equals(b.substring(i + 2))) {
                return true;
            }
            return a.substring(i + 1).equals(b.substring(i + 1));
        }
        String longer = a.length() > b.length() ? a : b;
        String shorter = longer == a ? b : a;
        return longer.substring(i + 1).equals(shorter.substring(i));
    }

    /** Lines of a resource: a word, or a word and its canonical form; '#' starts a comment. */
    private static Map<String, String> load(String resource) {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Stations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] parts = t.split("\\s+");
                out.put(parts[0], parts.length > 1 ? parts[1] : parts[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
