package io.cablestream.store.persistence.query;

import java.time.Instant;

/**
 * The filters and page of {@code GET /api/cables}, already validated; null means "no filter".
 * {@code from} is inclusive and {@code to} exclusive.
 */
public record CableQuery(String tag, String origin, String classification, Instant from, Instant to, String text,
                         boolean newestFirst, int limit, Cursor after) {
}
