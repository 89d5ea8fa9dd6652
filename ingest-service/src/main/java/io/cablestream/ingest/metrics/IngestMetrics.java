package io.cablestream.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** The service's counters on {@code /q/metrics}: what came in, by outcome, and how long the broker took. */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter duplicates;
    private final DistributionSummary bytes;
    private final Timer publishLatency;

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("cables.accepted").description("cables published and acknowledged")
                .register(registry);
        this.duplicates = Counter.builder("cables.duplicates").description("cables already on cables.raw")
                .register(registry);
        this.bytes = DistributionSummary.builder("cables.accepted.bytes").baseUnit("bytes")
                .description("normalised UTF-8 size of the accepted cables").register(registry);
        this.publishLatency = Timer.builder("cables.publish.latency")
                .description("from send to the broker's acks=all acknowledgement")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public void accepted(int size, Duration latency) {
        accepted.increment();
        bytes.record(size);
        publishLatency.record(latency);
    }

    public void duplicate() {
        duplicates.increment();
    }

    public void rejected(String reason) {
        registry.counter("cables.rejected", "reason", reason).increment();
    }
}
