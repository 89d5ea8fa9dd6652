package io.cablestream.store.web;

import io.cablestream.store.persistence.query.CableSummary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A search as the page shows it: the fields as the user typed them (so the form shows them again), how many cables
 * match, this page of them, and the link to the next page (the same filters plus the keyset cursor).
 */
public record SearchView(Map<String, String> fields, long total, List<CableSummary> items, String nextPage) {

    /** The filters the search page sends, in the order of its form; each is a query parameter of its URL. */
    static final List<String> FILTERS = List.of("q", "tag", "origin", "classification", "from", "to", "sort", "limit");

    public String field(String name) {
        return fields.getOrDefault(name, "");
    }

    public boolean newestFirst() {
        return !"dtg".equals(field("sort"));
    }

    static Map<String, String> fields(String... values) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < FILTERS.size(); i++) {
            if (values[i] != null && !values[i].isEmpty()) {
                fields.put(FILTERS.get(i), values[i]);
            }
        }
        return fields;
    }

    /** {@code /ui/cables?...&cursor=...}: this search's next page, or null on the last one. */
    static String nextPage(Map<String, String> fields, String cursor) {
        if (cursor == null) {
            return null;
        }
        Map<String, String> next = new LinkedHashMap<>(fields);
        next.put("cursor", cursor);
        return WebPaths.HOME + "?" + next.entrySet().stream()
                .map(e -> e.getKey() + "=" + WebPaths.encode(e.getValue())).collect(Collectors.joining("&"));
    }
}
