package io.cablestream.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import io.cablestream.events.CableJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The real cables kept in the repository ({@code samples/}), with the values the release published for them,
 * and the seed cable {@code 09USOSCE86} as an OCR feed delivered it.
 */
public final class SampleCables {

    private static final String ROOT = "/io/cablestream/testkit/";

    private SampleCables() {
    }

    /** A sample cable and the release's metadata for it. */
    public record SampleCable(String file, String canonicalId, String created, String classification,
                              List<String> tags, byte[] text) {
    }

    /** {@code 09USOSCE86} with the OCR and markdown damage of a real feed. */
    public static byte[] seedCable() {
        return read(ROOT + "09USOSCE86-ocr.txt");
    }

    /** The clean corpus cables of {@code samples/cables}, in the order of {@code samples/metadata.jsonl}. */
    public static List<SampleCable> all() {
        List<SampleCable> cables = new ArrayList<>();
        try (InputStream in = resource(ROOT + "samples/metadata.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    cables.add(toSample(CableJson.mapper().readTree(line)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cables;
    }

    private static SampleCable toSample(JsonNode metadata) {
        String file = metadata.get("file").asText();
        List<String> tags = new ArrayList<>();
        metadata.get("tags_linked").forEach(tag -> tags.add(tag.asText()));
        return new SampleCable(file, metadata.get("canonical_id").asText(), metadata.get("Created").asText(),
                metadata.get("Classification").asText(), List.copyOf(tags), read(ROOT + "samples/cables/" + file));
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = SampleCables.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + path);
        }
        return in;
    }
}
