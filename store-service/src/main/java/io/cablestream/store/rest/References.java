package io.cablestream.store.rest;

import io.cablestream.store.persistence.query.ReferenceLink;

import java.util.List;

/** A cable's REFs in order; {@code stored: false} marks cited cables not stored (yet). */
public record References(String cableId, List<ReferenceLink> items) {
}
