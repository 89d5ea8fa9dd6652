package io.cablestream.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Cables with the values the release published for them: the shared corpus or the sample kept in the repo. */
record Corpus(Path dir, List<Entry> entries) {

    /** Where the in-repo sample lives (a few hundred varied corpus cables). */
    static final Path SAMPLE = Path.of("src/test/resources/corpus");

    /** One cable's file and expected values; null where the release has none. */
    record Entry(String file, String canonicalId, String created, String classification, Set<String> tags,
                 boolean partial, String formatVariant) {
    }

    /** The shared corpus: system property or env {@code CABLES_CORPUS}, else {@code <repo root>/../shared/corpus}. */
    static Path sharedLocation() {
        String configured = System.getProperty("CABLES_CORPUS", System.getenv("CABLES_CORPUS"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        return (root == null ? Path.of("..") : root).resolve("../shared/corpus").normalize();
    }

    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("metadata.jsonl")) && Files.isDirectory(dir.resolve("cables"));
    }

    static Corpus load(Path dir) {
        ObjectMapper mapper = new ObjectMapper();
        List<Entry> entries = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("metadata.jsonl"))) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = mapper.readTree(line);
                Set<String> tags = null;
                if (n.hasNonNull("tags_linked")) {
                    tags = new LinkedHashSet<>();
                    for (JsonNode t : n.get("tags_linked")) {
                        tags.add(t.asText());
                    }
                }
                entries.add(new Entry(text(n, "file"), text(n, "canonical_id"), text(n, "Created"),
                        text(n, "Classification"), tags, n.path("partial_extract").asBoolean(false),
                        text(n, "format_variant")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Corpus(dir, entries);
    }

    byte[] bytes(Entry e) {
        try {
            return Files.readAllBytes(dir.resolve("cables").resolve(e.file()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }
}
