package io.cablestream.store.persistence.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * A REF of a cable: its label and text as written, the cable it cites when the parser recognised one, and
 * whether that cable is stored (with its DTG and subject when it is).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReferenceLink(String label, String cableId, String text, boolean stored, Instant dtg,
                            String subject) {
}
