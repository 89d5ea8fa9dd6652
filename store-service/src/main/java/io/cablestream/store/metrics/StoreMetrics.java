package io.cablestream.store.metrics;

import io.cablestream.store.service.StoreResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * The store's meters on /q/metrics: {@code cables_stored_total{outcome=inserted|replaced|ignored|refused}},
 * {@code cables_store_batch_size} and {@code cables_store_write_seconds} (one transaction per batch).
 */
@ApplicationScoped
public class StoreMetrics {

    private final Counter inserted;
    private final Counter replaced;
    private final Counter ignored;
    private final Counter refused;
    private final Counter retried;
    private final DistributionSummary batchSize;
    private final Timer writeLatency;
    private final Counter indexed;

    public StoreMetrics(MeterRegistry registry) {
        inserted = outcome(registry, "inserted");
        replaced = outcome(registry, "replaced");
        ignored = outcome(registry, "ignored");
        refused = outcome(registry, "refused");
        retried = Counter.builder("cables.store.retries")
                .description("Batches written again because the database was unavailable").register(registry);
        batchSize = DistributionSummary.builder("cables.store.batch.size")
                .description("Events per stored batch (one poll of cables.parsed)")
                .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(5000.0)
                .register(registry);
        writeLatency = Timer.builder("cables.store.write")
                .description("Time to write and commit one batch")
                .publishPercentileHistogram().register(registry);
        indexed = Counter.builder("cables.search.indexed")
                .description("Cables whose full-text document was (re)built").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("cables.stored").tag("outcome", outcome)
                .description("Parsed cable events by what the store did with them").register(registry);
    }

    public void batchWritten(int events, StoreResult result, long nanos) {
        batchSize.record(events);
        writeLatency.record(nanos, TimeUnit.NANOSECONDS);
        inserted.increment(result.inserted());
        replaced.increment(result.replaced());
        ignored.increment(result.ignored());
        refused.increment(result.refused().size());
    }

    public void batchRetried() {
        retried.increment();
    }

    public void searchIndexed(int cables) {
        indexed.increment(cables);
    }
}
