package io.cablestream.store.persistence.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** A stored cable that cites another, with the labels of the REFs that do. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CitingCable(String cableId, Instant dtg, String classification, String subject,
                          List<String> labels) {
}
