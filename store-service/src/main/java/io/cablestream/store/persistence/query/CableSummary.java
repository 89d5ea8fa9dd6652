package io.cablestream.store.persistence.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/** One cable in a list: the fields a reader scans before opening it. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record CableSummary(String cableId, Instant dtg, String classification, String origin, String from,
                           String subject, List<String> tags) {
}
