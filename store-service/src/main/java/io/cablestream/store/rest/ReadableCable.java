package io.cablestream.store.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;
import io.cablestream.store.persistence.query.CableEntity;

import java.nio.charset.StandardCharsets;

/**
 * A stored cable's parsed JSON as a reader gets it: each paragraph of a v2 row with its {@code text}, rendered from
 * its span of the raw text (the row keeps the text once). A v1 row's paragraphs carry their texts already.
 */
public final class ReadableCable {

    private ReadableCable() {
    }

    public static String of(CableEntity cable) {
        try {
            JsonNode parsed = CableJson.mapper().readTree(cable.parsed);
            JsonNode paragraphs = parsed.path("paragraphs");
            // the exact text where it held a NUL (raw_text has U+FFFD there, which keeps the offsets too)
            String rawText = cable.rawBytes != null ? new String(cable.rawBytes, StandardCharsets.UTF_8) : cable.rawText;
            for (JsonNode paragraph : paragraphs) {
                if (paragraph instanceof ObjectNode span && span.has("start") && !span.has("text")) {
                    span.put("text", text(span, rawText));
                }
            }
            return paragraphs.isEmpty() ? cable.parsed : CableJson.mapper().writeValueAsString(parsed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parsed JSON of " + cable.cableId + " does not read", e);
        }
    }

    /** A stored paragraph's text: a v1 row's own, or a v2 row's rendered from its span of {@code rawText}. */
    public static String text(JsonNode paragraph, String rawText) {
        if (paragraph.has("text")) {
            return paragraph.path("text").asText();
        }
        try {
            return CableJson.mapper().treeToValue(paragraph, ParsedCable.Paragraph.class).text(rawText);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored paragraph does not read", e);
        }
    }
}
