package io.cablestream.ingest.messaging;

import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.domain.BrokerUnavailableException;
import io.cablestream.ingest.domain.CableIntake;
import io.cablestream.ingest.domain.CableItem;
import io.cablestream.ingest.domain.CableItems;
import io.cablestream.ingest.domain.ItemOutcome;
import io.cablestream.ingest.domain.RawCable;
import io.cablestream.ingest.domain.RejectedCableException;
import io.cablestream.ingest.metrics.IngestMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every route's way to cables.raw: check the cable, skip a duplicate, publish, and count. Sends are pipelined
 * under one service-wide window of unacknowledged cables ({@code ingest.max-in-flight}); a full window means
 * the broker is slow or away, and the request is answered 503 rather than buffered.
 */
@ApplicationScoped
public class CableIngestor {

    private final CableIntake intake;
    private final DuplicateIndex index;
    private final RawCablePublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final Semaphore inFlight;

    public CableIngestor(CableIntake intake, DuplicateIndex index, RawCablePublisher publisher,
                         IngestMetrics metrics, IngestConfig config) {
        this.intake = intake;
        this.index = index;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
        this.inFlight = new Semaphore(config.maxInFlight());
    }

    /** One cable, without blocking: rejections are thrown, a broker failure fails the Uni. */
    public Uni<ItemOutcome> ingestOne(CableItem item) {
        checkIndexLoaded(List.of());
        RawCable cable = check(item);
        if (!index.claim(cable.sha256())) {
            metrics.duplicate();
            CableLog.duplicate(cable);
            return Uni.createFrom().item(ItemOutcome.duplicate(cable));
        }
        if (!inFlight.tryAcquire()) {
            index.release(cable.sha256());
            throw windowFull(List.of());
        }
        return Uni.createFrom().completionStage(send(cable)).onItem().transform(outcome -> {
            if (outcome == null) {
                throw new BrokerUnavailableException("the broker did not acknowledge the cable", List.of());
            }
            return outcome;
        });
    }

    /**
     * Every item of a batch, on a worker thread. A bad item is rejected alone; a broker failure stops the
     * batch and throws with the items settled so far.
     */
    public List<ItemOutcome> ingestAll(CableItems items) {
        checkIndexLoaded(List.of());
        List<CompletableFuture<ItemOutcome>> results = new ArrayList<>();
        AtomicBoolean brokerFailing = new AtomicBoolean();
        try (items) {
            for (CableItem item = next(items, results); item != null && !brokerFailing.get();
                 item = next(items, results)) {
                results.add(ingestQueued(item, brokerFailing));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<ItemOutcome> settled = new ArrayList<>(results.size());
        boolean brokerFailed = false;
        for (CompletableFuture<ItemOutcome> result : results) {
            ItemOutcome outcome = result.exceptionally(failure -> null).join();
            if (outcome == null) {
                brokerFailed = true;
            } else {
                settled.add(outcome);
            }
        }
        if (brokerFailed) {
            throw new BrokerUnavailableException("the broker did not acknowledge every cable of the batch; "
                    + settled.size() + " items were settled before (see items); send the batch again", settled);
        }
        return settled;
    }

    private CompletableFuture<ItemOutcome> ingestQueued(CableItem item, AtomicBoolean brokerFailing) {
        RawCable cable;
        try {
            cable = check(item);
        } catch (RejectedCableException rejection) {
            return CompletableFuture.completedFuture(ItemOutcome.rejected(item.source(), rejection));
        }
        if (!index.claim(cable.sha256())) {
            metrics.duplicate();
            CableLog.duplicate(cable);
            return CompletableFuture.completedFuture(ItemOutcome.duplicate(cable));
        }
        if (!acquireWithin()) {
            index.release(cable.sha256());
            brokerFailing.set(true);
            return CompletableFuture.failedFuture(windowFull(List.of()));
        }
        return send(cable).thenApply(outcome -> {
            if (outcome == null) {
                brokerFailing.set(true);
                throw new BrokerUnavailableException("not acknowledged", List.of());
            }
            return outcome;
        });
    }

    /**
     * Publishes a claimed cable holding one permit; null when the broker failed it (the claim is released). A
     * plain future, not a Uni: Mutiny's subscription and context capture per cable were a tenth of the service's
     * CPU in the bench profile.
     */
    private CompletableFuture<ItemOutcome> send(RawCable cable) {
        long started = System.nanoTime();
        String traceId = CableLog.currentTraceId();
        return publisher.publish(cable)
                .orTimeout(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((ignored, failure) -> {
                    inFlight.release();
                    if (failure != null) {
                        index.release(cable.sha256());
                        CableLog.notAcknowledged(cable, traceId, failure);
                        return null;
                    }
                    metrics.accepted(cable.text().length, Duration.ofNanos(System.nanoTime() - started));
                    CableLog.accepted(cable, traceId);
                    return ItemOutcome.accepted(cable);
                });
    }

    private RawCable check(CableItem item) {
        try {
            return intake.accept(item);
        } catch (RejectedCableException rejection) {
            metrics.rejected(rejection.reason());
            CableLog.rejected(item.source(), rejection);
            throw rejection;
        }
    }

    /** The next item; an input that breaks off (a truncated archive) ends the batch with one rejected item. */
    private CableItem next(CableItems items, List<CompletableFuture<ItemOutcome>> results) {
        try {
            return items.next();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            RejectedCableException why = new RejectedCableException(400, "unreadable",
                    "the input could not be read past item " + results.size() + ": " + e.getMessage());
            metrics.rejected(why.reason());
            CableLog.rejected("batch", why);
            results.add(CompletableFuture.completedFuture(ItemOutcome.rejected("batch", why)));
            return null;
        }
    }

    private boolean acquireWithin() {
        try {
            return inFlight.tryAcquire(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void checkIndexLoaded(List<ItemOutcome> settled) {
        if (!index.loaded()) {
            throw new BrokerUnavailableException("the duplicate index is still being read from cables.raw", settled);
        }
    }

    private static BrokerUnavailableException windowFull(List<ItemOutcome> settled) {
        return new BrokerUnavailableException("too many cables are waiting for the broker's acknowledgement", settled);
    }
}
