package io.cablestream.parse.messaging;

import io.cablestream.parse.config.ParseConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a parsed event to cables.parsed again, with backoff, after every send the broker did not acknowledge, until
 * one is; only then is its raw record acknowledged, so no offset of cables.raw is committed past it. A producer
 * error (a timeout, not enough replicas, a record over the topic's limit) is broker trouble, not a bad cable: it
 * never reaches the raw channel's dead-letter strategy. How many events wait for a resend is what readiness reports.
 */
@ApplicationScoped
public class ParsedDelivery {

    private static final Logger LOG = Logger.getLogger(ParsedDelivery.class);

    private final ParseConfig.PublishBackoff backoff;
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicReference<Failure> lastFailure = new AtomicReference<>();

    /** The latest failed send, for the readiness check. */
    public record Failure(String cableId, String error, Instant at) {
    }

    public ParsedDelivery(ParseConfig config) {
        this.backoff = config.publishBackoff();
    }

    /** The event, and the same event again after each nack from the sink; completes once the broker took it. */
    Multi<Message<byte[]>> untilAcknowledged(Message<byte[]> parsed) {
        return Multi.createFrom().emitter(emitter -> send(emitter, parsed, 1));
    }

    /** Parsed events whose last send failed and that wait for a resend. */
    public int waiting() {
        return waiting.get();
    }

    public Failure lastFailure() {
        return lastFailure.get();
    }

    private void send(MultiEmitter<? super Message<byte[]>> emitter, Message<byte[]> parsed, int attempt) {
        if (emitter.isCancelled()) {
            return;
        }
        emitter.emit(parsed
                .withAck(() -> {
                    if (attempt > 1) {
                        waiting.decrementAndGet();
                        LOG.infof("parsed event of %s acknowledged at attempt %d", cableId(parsed), attempt);
                    }
                    return parsed.ack().whenComplete((ignored, failure) -> emitter.complete());
                })
                .withNack(failure -> {
                    retryLater(emitter, parsed, attempt, failure);
                    return CompletableFuture.completedFuture(null);
                }));
    }

    private void retryLater(MultiEmitter<? super Message<byte[]>> emitter, Message<byte[]> parsed, int attempt,
                            Throwable failure) {
        if (attempt == 1) {
            waiting.incrementAndGet();
        }
        String error = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        lastFailure.set(new Failure(cableId(parsed), error, Instant.now()));
        Duration delay = delay(attempt);
        LOG.warnf("cables.parsed did not take the event of %s (attempt %d, %s); sending it again in %d ms",
                cableId(parsed), attempt, error, delay.toMillis());
        Infrastructure.getDefaultWorkerPool().schedule(() -> send(emitter, parsed, attempt + 1),
                delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private Duration delay(int attempt) {
        long initial = backoff.initial().toMillis();
        long doubled = initial << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(doubled, backoff.max().toMillis()));
    }

    private static String cableId(Message<byte[]> parsed) {
        return parsed.getMetadata(OutgoingKafkaRecordMetadata.class).map(m -> String.valueOf(m.getKey()))
                .orElse("a cable");
    }
}
