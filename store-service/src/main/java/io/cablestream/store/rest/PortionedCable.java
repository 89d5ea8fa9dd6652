package io.cablestream.store.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A cable as far as its portion markings let the reader see it: the subject and each paragraph whose own marking is
 * within the reader's clearance, the others withheld with only their number and marking.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortionedCable(String cableId, String classification, boolean complete, String subject,
                             boolean subjectWithheld, List<Portion> paragraphs) {

    /** One paragraph: its text, or {@code withheld} and no text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Portion(int number, String marking, String text, boolean withheld) {
    }
}
