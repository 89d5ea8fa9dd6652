package io.cablestream.store.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable.Reference;
import io.cablestream.events.ParsedCable;
import io.cablestream.parser.CableParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ~300 corpus cables of cable-parser's test resources (on the class path under {@code corpus/}), each with
 * the release's metadata and what the current CableParser reads in it.
 */
public final class CorpusCables {

    /** One corpus cable: the release's values (null where it has none) and the parser's reading. */
    public record Cable(String canonicalId, String created, String classification, List<String> tags, ParsedCable parsed,
                 ParsedCable event) {
    }

    /**
     * The REFs of the corpus cables that cite other corpus cables, as the cables write them. The parser does not
     * read REF lines yet, so the events carry these instead of what it finds: the graph test stays exact.
     */
    public static final Map<String, List<Reference>> CITATIONS = Map.of(
            "05PARIS3118", List.of(new Reference(null, "05PARIS479", "PARIS 479")),
            "05BRASILIA1608", List.of(new Reference(null, "05BRASILIA1566", "BRASILIA 1566")),
            "05BRASILIA1922", List.of(new Reference("A", "04BRASILIA2684", "BRASILIA 2684"),
                    new Reference("B", "05BRASILIA1849", "BRASILIA 1849"),
                    new Reference("C", "05BRASILIA1862", "BRASILIA 1862"),
                    new Reference("D", "05BRASILIA1867", "BRASILIA 1867")),
            "09MONTERREY318", List.of(new Reference("A", "09MONTERREY274", "MONTERREY 274"),
                    new Reference("B", "09MONTERREY284", "MONTERREY 284")),
            "09PARIS1040", List.of(new Reference(null, "09PARIS997", "PARIS 997")));

    private static List<Cable> all;

    private CorpusCables() {
    }

    public static synchronized List<Cable> all() {
        if (all == null) {
            all = load();
        }
        return all;
    }

    /**
     * The events to publish, one per corpus cable: what the parser read, with the raw text, the citations above,
     * and the release's id. The release's id, not the parser's: every corpus cable is then stored exactly once
     * and the citation fixture holds, whatever the parser makes of a damaged header.
     */
    public static List<ParsedCable> events() {
        return all().stream().map(Cable::event).toList();
    }

    private static List<Cable> load() {
        CableParser parser = new CableParser();
        List<Cable> cables = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(resource("corpus/metadata.jsonl"),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode metadata = CableJson.mapper().readTree(line);
                byte[] raw;
                try (InputStream in = resource("corpus/cables/" + metadata.get("file").asText())) {
                    raw = in.readAllBytes();
                }
                List<String> tags = new ArrayList<>();
                metadata.path("tags_linked").forEach(tag -> tags.add(tag.asText()));
                String id = text(metadata, "canonical_id");
                ParsedCable parsed = parser.parse(raw);
                cables.add(new Cable(id, text(metadata, "Created"), text(metadata, "Classification"), tags, parsed,
                        event(parsed, id, raw)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cables;
    }

    private static ParsedCable event(ParsedCable parsed, String canonicalId, byte[] raw) {
        List<Reference> references = CITATIONS.getOrDefault(canonicalId, parsed.references());
        return parsed.toBuilder().cableId(canonicalId).references(references)
                .ingest(new ParsedCable.Ingest("corpus-" + canonicalId, null, Instant.parse("2026-11-28T00:00:00Z"),
                        "corpus", null))
                .build();
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static InputStream resource(String path) {
        InputStream in = CorpusCables.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path + " (cable-parser's corpus sample)");
        }
        return in;
    }
}
