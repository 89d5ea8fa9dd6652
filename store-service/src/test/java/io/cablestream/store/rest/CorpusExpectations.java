package io.cablestream.store.rest;

import io.cablestream.events.ParsedCable;
import io.cablestream.store.support.CorpusCables;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** What the query API must answer for the published corpus events, computed from the events themselves. */
final class CorpusExpectations {

    private static final Comparator<ParsedCable> OLDEST_FIRST = Comparator
            .comparing((ParsedCable c) -> c.dtg() == null ? Instant.MIN : c.dtg())
            .thenComparing(ParsedCable::cableId);

    private CorpusExpectations() {
    }

    /** Ids of the events matching the filter in the API's order: DTG then id, cables without a DTG oldest. */
    static List<String> ids(Predicate<ParsedCable> filter, boolean newestFirst) {
        return CorpusCables.events().stream().filter(filter)
                .sorted(newestFirst ? OLDEST_FIRST.reversed() : OLDEST_FIRST)
                .map(ParsedCable::cableId).toList();
    }

    static List<String> newestFirst(Predicate<ParsedCable> filter) {
        return ids(filter, true);
    }

    static boolean hasTag(ParsedCable cable, String code) {
        return cable.tags().stream().anyMatch(tag -> code.equals(tag.code()));
    }

    /** The post as the store derives it from the id: {@code 09USOSCE86} -> {@code USOSCE}. */
    static String origin(String cableId) {
        return cableId.length() < 3 ? null : cableId.substring(2).replaceFirst("\\d+$", "");
    }
}
