package io.cablestream.store.persistence.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of dead letters, newest first; {@code nextCursor} is absent on the last page. */
public record DeadLetterPage(List<DeadLetterSummary> items,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
