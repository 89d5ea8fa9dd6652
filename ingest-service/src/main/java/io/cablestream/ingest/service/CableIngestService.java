package io.cablestream.ingest.service;

import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.messaging.CableLog;
import io.cablestream.ingest.messaging.DuplicateIndex;
import io.cablestream.ingest.messaging.ProducerFailures;
import io.cablestream.ingest.messaging.RawCablePublisher;
import io.cablestream.ingest.metrics.IngestMetrics;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every route's way to cables.raw: check the cable, skip a duplicate, publish, and count. Sends are pipelined
 * under one service-wide window of unacknowledged cables ({@code cables.ingest.max-in-flight}); a full window means
 * the broker is slow or away, and the request is answered 503 rather than buffered.
 */
@ApplicationScoped
public class CableIngestService {

    private final CableValidator validator;
    private final DuplicateIndex index;
    private final RawCablePublisher publisher;
    private final IngestMetrics metrics;
    private final IngestConfig config;
    private final Semaphore inFlight;

    public CableIngestService(CableValidator validator, DuplicateIndex index, RawCablePublisher publisher,
                              IngestMetrics metrics, IngestConfig config) {
        this.validator = validator;
        this.index = index;
        this.publisher = publisher;
        this.metrics = metrics;
        this.config = config;
        this.inFlight = new Semaphore(config.maxInFlight());
    }

    /** One cable, without blocking: rejections are thrown or fail the stage, so does a broker failure. */
    public CompletionStage<ItemOutcome> ingestOne(CableItem item) {
        checkIndexLoaded(List.of());
        RawCable cable = check(item);
        DuplicateIndex.Claim claim = index.claim(cable.sha256());
        if (!claim.owner()) {
            return afterFirst(cable, claim);
        }
        if (!inFlight.tryAcquire()) {
            BrokerUnavailableException full = windowFull(List.of());
            index.failed(cable.sha256(), full);
            throw full;
        }
        return send(cable);
    }

    /**
     * Every item of a batch, on a worker thread. A bad item is rejected alone; a broker failure stops the
     * batch and throws with the items settled so far. At most {@code cables.ingest.max-batch-items} items are read.
     */
    public List<ItemOutcome> ingestAll(CableItems items) {
        checkIndexLoaded(List.of());
        List<CompletableFuture<ItemOutcome>> results = new ArrayList<>();
        AtomicBoolean brokerFailing = new AtomicBoolean();
        int read = 0;
        try (items) {
            for (CableItem item = next(items, results); item != null && !brokerFailing.get();
                 item = next(items, results)) {
                if (++read > config.maxBatchItems()) {
                    results.add(CompletableFuture.completedFuture(tooManyItems()));
                    break;
                }
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

    /** Completes with the item's outcome (a refused record is a rejected one), or fails when the broker failed. */
    private CompletableFuture<ItemOutcome> ingestQueued(CableItem item, AtomicBoolean brokerFailing) {
        RawCable cable;
        try {
            cable = check(item);
        } catch (RejectedCableException rejection) {
            return CompletableFuture.completedFuture(ItemOutcome.rejected(item.source(), rejection));
        }
        DuplicateIndex.Claim claim = index.claim(cable.sha256());
        CompletableFuture<ItemOutcome> outcome;
        if (!claim.owner()) {
            outcome = afterFirst(cable, claim);
        } else if (!acquireWithin()) {
            BrokerUnavailableException full = windowFull(List.of());
            index.failed(cable.sha256(), full);
            outcome = CompletableFuture.failedFuture(full);
        } else {
            outcome = send(cable);
        }
        return outcome.handle((settled, failure) -> {
            if (failure == null) {
                return settled;
            }
            Throwable why = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (why instanceof RejectedCableException rejection) {
                return ItemOutcome.rejected(cable.source(), rejection);
            }
            brokerFailing.set(true);
            throw why instanceof RuntimeException runtime ? runtime : new CompletionException(why);
        });
    }

    /**
     * A text someone else is sending, or sent: a duplicate once that first send is acknowledged; when it failed,
     * this copy gets the same answer (503, or the rejection), and it is not answered duplicate.
     */
    private CompletableFuture<ItemOutcome> afterFirst(RawCable cable, DuplicateIndex.Claim claim) {
        return claim.first().thenApply(failure -> {
            if (failure == null) {
                metrics.duplicate();
                CableLog.duplicate(cable);
                return ItemOutcome.duplicate(cable);
            }
            if (failure instanceof RejectedCableException rejected) {
                RejectedCableException same = new RejectedCableException(rejected.status(), rejected.reason(),
                        rejected.getMessage());
                metrics.rejected(same.reason());
                CableLog.rejected(cable.source(), same);
                throw same;
            }
            throw new BrokerUnavailableException("the same text was being sent by another request and the broker "
                    + "did not acknowledge it: " + failure.getMessage(), List.of());
        });
    }

    /**
     * Publishes a claimed cable holding one permit: completes with it accepted, or fails with a rejection (the
     * record was refused for good) or a BrokerUnavailableException. Settles the claim either way. A plain
     * future, not a Uni: Mutiny's subscription and context capture per cable were a tenth of the service's CPU
     * in the bench profile.
     */
    private CompletableFuture<ItemOutcome> send(RawCable cable) {
        long started = System.nanoTime();
        String traceId = CableLog.currentTraceId();
        CompletableFuture<ItemOutcome> result = new CompletableFuture<>();
        publisher.publish(cable)
                .orTimeout(config.publishTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> {
                    inFlight.release();
                    if (failure == null) {
                        index.published(cable.sha256());
                        metrics.accepted(cable.text().length, Duration.ofNanos(System.nanoTime() - started));
                        CableLog.accepted(cable, traceId);
                        result.complete(ItemOutcome.accepted(cable));
                        return;
                    }
                    RuntimeException why = ProducerFailures.classify(failure);
                    index.failed(cable.sha256(), why);
                    if (why instanceof RejectedCableException rejection) {
                        metrics.rejected(rejection.reason());
                        CableLog.rejected(cable.source(), rejection);
                    } else {
                        CableLog.notAcknowledged(cable, traceId, failure);
                    }
                    result.completeExceptionally(why);
                });
        return result;
    }

    /** The validator's checks, then the record's size: a record the producer would refuse is never sent. */
    private RawCable check(CableItem item) {
        try {
            RawCable cable = validator.validate(item);
            int size = publisher.recordSize(cable, config.maxRecordBytes());
            if (size > config.maxRecordBytes()) {
                throw new RejectedCableException(413, "too-large", "the cable's record on cables.raw would have "
                        + size + " bytes (" + cable.text().length + " bytes of UTF-8 text, decoded from "
                        + cable.charset() + ", and its headers); at most " + config.maxRecordBytes()
                        + " are accepted (cables.ingest.max-record-bytes)");
            }
            return cable;
        } catch (RejectedCableException rejection) {
            metrics.rejected(rejection.reason());
            CableLog.rejected(item.source(), rejection);
            throw rejection;
        }
    }

    private ItemOutcome tooManyItems() {
        RejectedCableException why = new RejectedCableException(413, "too-many-items", "the batch has more than "
                + config.maxBatchItems() + " items (cables.ingest.max-batch-items); the rest was not read: send it "
                + "in smaller batches");
        metrics.rejected(why.reason());
        CableLog.rejected("batch", why);
        return ItemOutcome.rejected("batch", why);
    }

    /** The next item; an input that breaks off (a truncated archive) ends the batch with one rejected item. */
    private CableItem next(CableItems items, List<CompletableFuture<ItemOutcome>> results) {
        try {
            return items.next();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            InputLimitException limit = InputLimitException.in(e);
            RejectedCableException why = limit != null ? limit.rejection() : new RejectedCableException(400,
                    "unreadable", "the input could not be read past item " + results.size() + ": " + e.getMessage());
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
