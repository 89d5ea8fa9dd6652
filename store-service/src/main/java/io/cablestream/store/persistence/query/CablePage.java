package io.cablestream.store.persistence.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A page of cables; {@code nextCursor} is absent on the last page. */
public record CablePage(List<CableSummary> items, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {
}
