package io.cablestream.store.rest;

import io.cablestream.store.persistence.query.CitingCable;

import java.util.List;

/** The stored cables citing {@code cableId}, newest first; {@code stored} says whether it is stored itself. */
public record CitedBy(String cableId, boolean stored, List<CitingCable> items) {
}
