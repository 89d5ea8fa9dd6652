package io.cablestream.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Recipient;
import io.cablestream.events.ParsedCable.ReferenceKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * cablemap's reader test cases (heuer/cablemap, {@code cablemap.core/tests/test_reader_*.py}, BSD licence): a snippet
 * of cable text, the field it tests and cablemap's expected value. Each case is parsed as a cable of its own and our
 * field compared with the expected value, as described in the shared corpus README.
 */
final class CablemapFixtures {

    /** The fields in the order of the report. */
    static final List<String> FIELDS = List.of("subject", "tags", "references", "signers", "classified_by", "summary",
            "recipients", "info_recipients", "deadline");

    record Case(String field, String input, JsonNode expected, Integer year, String cableId, String source) {
    }

    /** One case's outcome: what we read, rendered as the expected value is. */
    record Outcome(Case c, Object expected, Object actual) {
        boolean passed() {
            return Objects.equals(expected, actual);
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CablemapFixtures() {
    }

    /** {@code java ... CablemapFixtures [file] [field]}: the table and the misses, for iterating on the parser. */
    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : shared();
        CableParser parser = new CableParser();
        List<Outcome> outcomes = load(file).stream().filter(c -> args.length < 2 || c.field().equals(args[1]))
                .map(c -> run(parser, c)).toList();
        System.out.println(report(file.toString(), outcomes, true));
    }

    /** The dev half in the shared corpus ({@code cablemap-fixtures-dev.jsonl}). */
    static Path shared() {
        return Corpus.sharedLocation().resolve("cablemap-fixtures-dev.jsonl");
    }

    /** The cases copied into the repo, so that the build checks some without the shared corpus. */
    static Path inRepo() {
        return Path.of("src/test/resources/cablemap/fixtures-sample.jsonl");
    }

    static List<Case> load(Path file) {
        List<Case> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = MAPPER.readTree(line);
                cases.add(new Case(n.get("field").asText(), n.get("input").asText(), n.get("expected"),
                        n.hasNonNull("year") ? n.get("year").asInt() : null,
                        n.hasNonNull("cable_id") ? n.get("cable_id").asText() : null, n.path("source").asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }

    static Outcome run(CableParser parser, Case c) {
        String text = c.input();
        if (c.year() != null) {
            // the year of the citing cable, as the fixtures' README says: a DTG line above the snippet
            text = "R 010000Z JAN " + Strings.twoDigits(c.year()) + "\n" + text;
        }
        // the citing cable's own id, where the case names it, as the release's id beside the text
        CableParser.ReleaseMetadata release = c.cableId() == null ? null
                : new CableParser.ReleaseMetadata(c.cableId(), null, null);
        ParsedCable cable = parser.parse(text.getBytes(StandardCharsets.UTF_8), release);
        return new Outcome(c, expected(c), actual(c.field(), cable));
    }

    /** The expected value in the form {@link #actual} gives: strings with whitespace collapsed, lists, maps. */
    private static Object expected(Case c) {
        JsonNode e = c.expected();
        return switch (c.field()) {
            // cablemap answers "" where there is no subject or summary; we leave the field out
            case "subject", "summary", "deadline" -> e == null || e.isNull() || e.asText().isBlank() ? null
                    : Strings.collapse(e.asText());
            case "recipients", "info_recipients" -> {
                List<Map<String, Object>> out = new ArrayList<>();
                for (JsonNode r : e) {
                    List<String> excluded = new ArrayList<>();
                    r.path("excluded").forEach(x -> excluded.add(x.asText()));
                    out.add(recipient(text(r, "routing"), text(r, "name"), text(r, "precedence"), text(r, "mcn"),
                            excluded));
                }
                yield out;
            }
            default -> {
                List<String> out = new ArrayList<>();
                e.forEach(x -> out.add(x.asText()));
                yield out;
            }
        };
    }

    private static Object actual(String field, ParsedCable c) {
        return switch (field) {
            case "subject" -> c.subject() == null ? null : Strings.collapse(c.subject());
            case "summary" -> c.summary() == null ? null : Strings.collapse(c.summary());
            case "deadline" -> c.executiveOrder() == null || c.executiveOrder().declassifyOn() == null ? null
                    : c.executiveOrder().declassifyOn().toString();
            case "tags" -> c.tags().stream().map(ParsedCable.Tag::code).toList();
            case "signers" -> c.signers();
            case "references" -> c.references().stream().filter(r -> r.kind() == ReferenceKind.CABLE)
                    .map(ParsedCable.Reference::cableId).toList();
            case "classified_by" -> {
                List<String> names = new ArrayList<>();
                if (c.classifiedBy() != null && c.classifiedBy().name() != null) {
                    names.add(c.classifiedBy().name());
                    c.classifiedBy().others().forEach(o -> names.add(o.name()));
                }
                yield names;
            }
            case "recipients" -> recipients(c.to());
            case "info_recipients" -> recipients(c.info());
            default -> throw new IllegalArgumentException("unknown field " + field);
        };
    }

    private static List<Map<String, Object>> recipients(List<Recipient> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Recipient r : list) {
            out.add(recipient(r.routing(), r.name(), r.precedence(), r.serial(), r.excluded()));
        }
        return out;
    }

    private static Map<String, Object> recipient(String routing, String name, String precedence, String serial,
                                                 List<String> excluded) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("routing", routing);
        m.put("name", name);
        m.put("precedence", precedence);
        m.put("mcn", serial);
        m.put("excluded", excluded);
        return m;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /** Per field: passed, total and percentage, one line each, then the misses. */
    static String report(String title, List<Outcome> outcomes, boolean withMisses) {
        StringBuilder b = new StringBuilder("== " + title + "\n");
        for (String field : FIELDS) {
            List<Outcome> of = outcomes.stream().filter(o -> o.c().field().equals(field)).toList();
            if (of.isEmpty()) {
                continue;
            }
            long passed = of.stream().filter(Outcome::passed).count();
            b.append(String.format("%-16s %6.1f%%  (%d of %d)%n", field, 100.0 * passed / of.size(), passed, of.size()));
        }
        if (withMisses) {
            for (Outcome o : outcomes) {
                if (!o.passed()) {
                    b.append("-- ").append(o.c().field()).append(' ').append(o.c().source()).append("\n   input    ")
                            .append(o.c().input().replace("\n", "\\n")).append("\n   expected ").append(o.expected())
                            .append("\n   actual   ").append(o.actual()).append('\n');
                }
            }
        }
        return b.toString();
    }

    static double percent(List<Outcome> outcomes, String field) {
        List<Outcome> of = outcomes.stream().filter(o -> o.c().field().equals(field)).toList();
        return of.isEmpty() ? 100.0 : 100.0 * of.stream().filter(Outcome::passed).count() / of.size();
    }
}
