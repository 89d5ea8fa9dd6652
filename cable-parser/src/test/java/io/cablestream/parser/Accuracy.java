package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Tag;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.nio.charset.StandardCharsets;

/** Parses every cable of a corpus and compares four fields with the release's values. */
final class Accuracy {

    static final List<String> FIELDS = List.of("cableId", "dtg", "classification", "tags");
    /**
     * Over every cable with a release value, including those whose text has no date: without and with the file
     * name as the source name (which gives the id of a partial extract), and the partial extracts alone.
     */
    static final List<String> ALL_FIELDS = List.of("cableId(all)", "dtg(all)", "cableId(source)", "partial(source)");
    /**
     * A date-time group anywhere, or a release date line ({@code date: 2009-...}, {@code 2009-12-30 10:10},
     * {@code Thursday, 07 March 2002, 10:13}). 533 corpus cables (partial extracts) have none: their year, hence
     * their id and DTG, is not in the text, and the parser does not guess it.
     */
    private static final Pattern DATED = Pattern.compile(
            "\\d{6}Z ?[A-Z]{3} ?\\d{2}|(?m)^date: \\d|(?m)^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"
                    + "|(?m)^\\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2}");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyy-MM-dd HH").withZone(ZoneOffset.UTC);

    final Map<String, int[]> counts = new LinkedHashMap<>();
    final Map<String, List<String>> misses = new LinkedHashMap<>();
    /** Ids taken from the source name (CABLE_ID_FROM_SOURCE_NAME), and those of them that are not the release's. */
    int fromSourceName;
    final List<String> wrongFromSourceName = new ArrayList<>();

    Accuracy() {
        for (String f : FIELDS) {
            counts.put(f, new int[2]);
            misses.put(f, new ArrayList<>());
        }
        for (String f : ALL_FIELDS) {
            counts.put(f, new int[2]);
        }
    }

    /** Prints the report of a corpus directory: {@code java ... Accuracy [dir]}, for iterating on the parser. */
    public static void main(String[] args) {
        Corpus corpus = Corpus.load(args.length > 0 ? java.nio.file.Path.of(args[0]) : Corpus.sharedLocation());
        System.out.println(measure(corpus, UnaryOperator.identity()).report("corpus " + corpus.dir(),
                args.length > 1 ? Integer.parseInt(args[1]) : 1000));
    }

    static Accuracy measure(Corpus corpus, UnaryOperator<byte[]> transform) {
        CableParser parser = new CableParser();
        Accuracy a = new Accuracy();
        for (Corpus.Entry e : corpus.entries()) {
            byte[] clean = corpus.bytes(e);
            ParsedCable c = parser.parse(transform.apply(clean));
            String hour = c.dtg() == null ? null : HOUR.format(c.dtg());
            String expectedHour = e.created() == null ? null : e.created().substring(0, 13);
            a.count("cableId(all)", e.canonicalId(), c.cableId());
            a.count("dtg(all)", expectedHour, hour);
            a.named(e, parser.parse(transform.apply(clean), null, e.file()));
            if (DATED.matcher(new String(clean, StandardCharsets.ISO_8859_1)).find()) {
                a.check("cableId", e, e.canonicalId(), c.cableId());
                a.check("dtg", e, expectedHour, hour);
            }
            a.check("classification", e, e.classification(), c.classification());
            // An empty tags_linked says the release linked none (it skipped e.g. "TAGS PREL, PGOV" without a
            // colon), not that the cable has none: only cables with linked tags are compared.
            boolean linked = e.tags() != null && !e.tags().isEmpty();
            a.check("tags", e, linked ? e.tags().toString() : null, tagSet(c.tags(), e.tags()));
        }
        return a;
    }

    /** The cable parsed with its file name as source name. */
    private void named(Corpus.Entry e, ParsedCable c) {
        count("cableId(source)", e.canonicalId(), c.cableId());
        if (e.partial()) {
            count("partial(source)", e.canonicalId(), c.cableId());
        }
        if (c.warnings().stream().anyMatch(w -> w.code().equals("CABLE_ID_FROM_SOURCE_NAME"))) {
            fromSourceName++;
            if (!c.cableId().equals(e.canonicalId())) {
                wrongFromSourceName.add(e.file() + ": " + c.cableId() + " is not the release's " + e.canonicalId());
            }
        }
    }

    /** Our codes in the release's order when the sets agree, so that a match compares equal as text. */
    private static String tagSet(List<Tag> tags, Set<String> expected) {
        // the release links each word of a tag written in words (HUMAN RIGHTS, BIDEN, JOSEPH) on its own
        Set<String> ours = tags.stream().flatMap(t -> java.util.Arrays.stream(t.code().split("[ ,]+")))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        return ours.equals(expected) ? expected.toString() : ours.toString();
    }

    private void count(String field, String expected, String actual) {
        if (expected != null) {
            int[] c = counts.get(field);
            c[1]++;
            if (expected.equals(actual)) {
                c[0]++;
            }
        }
    }

    private void check(String field, Corpus.Entry e, String expected, String actual) {
        if (expected == null) {
            return;
        }
        int[] c = counts.get(field);
        c[1]++;
        if (expected.equals(actual)) {
            c[0]++;
        } else {
            misses.get(field).add(e.file() + ": expected " + expected + " got " + actual);
        }
    }

    double percent(String field) {
        int[] c = counts.get(field);
        return c[1] == 0 ? 100.0 : 100.0 * c[0] / c[1];
    }

    String report(String title, int missesShown) {
        StringBuilder b = new StringBuilder("== " + title + "\n");
        for (String f : counts.keySet()) {
            int[] c = counts.get(f);
            b.append(String.format("%-15s %6.2f%%  (%d of %d)%n", f, percent(f), c[0], c[1]));
        }
        b.append(String.format("ids from the source name: %d, of them not the release's: %d %s%n", fromSourceName,
                wrongFromSourceName.size(), wrongFromSourceName));
        for (String f : FIELDS) {
            List<String> m = misses.get(f);
            if (!m.isEmpty()) {
                b.append("-- misses ").append(f).append(" (").append(m.size()).append(")\n");
                m.stream().limit(missesShown).forEach(s -> b.append("   ").append(s).append('\n'));
            }
        }
        return b.toString();
    }
}
