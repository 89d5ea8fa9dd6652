package io.cablestream.ingest.rest;

import io.cablestream.ingest.service.ItemOutcome;
import java.util.List;

/** The answer to a batch: totals, then every item in the order it was read. */
public record BatchReport(int accepted, int duplicate, int rejected, List<ItemOutcome> items) {

    public static BatchReport of(List<ItemOutcome> items) {
        return new BatchReport(count(items, ItemOutcome.ACCEPTED), count(items, ItemOutcome.DUPLICATE),
                count(items, ItemOutcome.REJECTED), items);
    }

    private static int count(List<ItemOutcome> items, String status) {
        return (int) items.stream().filter(item -> status.equals(item.status())).count();
    }
}
