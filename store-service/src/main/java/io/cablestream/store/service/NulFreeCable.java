package io.cablestream.store.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cablestream.events.CableJson;
import io.cablestream.events.ParsedCable;

import java.util.Iterator;
import java.util.Map;

/**
 * An event with NUL ({@code \u0000} in its JSON) in a field: every string but {@code rawText} gets U+FFFD in its
 * place, so the row, its children and its {@code parsed} JSON can be stored; {@code rawText} is kept as it is (the
 * writer stores it as bytes). parse-service's own events have no NUL outside rawText (the parser replaces them).
 */
public final class NulFreeCable {

    private static final byte[] NUL_ESCAPE = "\\u0000".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private NulFreeCable() {
    }

    /** Whether an event's JSON may hold a NUL: only then is {@link #of} worth its cost. */
    public static boolean mayHoldNul(byte[] json) {
        outer:
        for (int i = 0; i + NUL_ESCAPE.length <= json.length; i++) {
            for (int k = 0; k < NUL_ESCAPE.length; k++) {
                if (json[i + k] != NUL_ESCAPE[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    public static ParsedCable of(ParsedCable cable) {
        JsonNode tree = CableJson.mapper().valueToTree(cable.toBuilder().rawText(null).build());
        if (!replace(tree)) {
            return cable;
        }
        try {
            ParsedCable clean = CableJson.mapper().treeToValue(tree, ParsedCable.class);
            return clean.toBuilder().rawText(cable.rawText()).build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a ParsedCable tree did not map back: " + e.getMessage(), e);
        }
    }

    /** Replaces NUL in the tree's strings in place; true when there was one. */
    private static boolean replace(JsonNode node) {
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue() instanceof TextNode text && ControlCharacters.hasNul(text.textValue())) {
                    field.setValue(TextNode.valueOf(ControlCharacters.withoutNul(text.textValue())));
                    changed = true;
                } else {
                    changed |= replace(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i) instanceof TextNode text && ControlCharacters.hasNul(text.textValue())) {
                    array.set(i, TextNode.valueOf(ControlCharacters.withoutNul(text.textValue())));
                    changed = true;
                } else {
                    changed |= replace(array.get(i));
                }
            }
        }
        return changed;
    }
}
