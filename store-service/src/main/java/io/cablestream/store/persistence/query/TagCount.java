package io.cablestream.store.persistence.query;

/** A TAGS code, its kind, and how many stored cables carry it. */
public record TagCount(String code, String kind, long count) {
}
