package io.cablestream.ingest.messaging;

import io.cablestream.events.Topics;
import io.cablestream.ingest.config.IngestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.smallrye.common.annotation.Identifier;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The cables already on cables.raw, so that the same text is answered {@code duplicate} and not published twice,
 * across restarts: the record key of cables.raw is the text's SHA-256, and on startup the keys of the whole topic
 * are read back. Until then the service is not ready and answers 503.
 *
 * <p>A best-effort saving of broker space, not the guarantee (doubles on cables.raw become no double in the
 * store, which writes a cable only for a newer parser version), so its memory is bounded: it keeps the first 64
 * bits of the last {@code cables.ingest.duplicate-index.capacity} hashes acknowledged (or read at startup) and forgets
 * the oldest beyond that; a text older than that is published again. Two texts whose hashes share 64 bits (odds
 * about n^2 / 2^65: 3e-8 for a million cables) would be taken for one.
 *
 * <p>A hash being sent is pending, not known: a second copy of it waits for the first send's outcome and is a
 * duplicate only once the broker acknowledged the first; when the first failed, the second gets the same failure.
 */
@ApplicationScoped
public class DuplicateIndex {

    private static final Logger LOG = Logger.getLogger(DuplicateIndex.class);

    /** What the first send of a text became: null once acknowledged, else its failure. */
    public record Claim(boolean owner, CompletableFuture<RuntimeException> first) {

        static final Claim KNOWN = new Claim(false, CompletableFuture.completedFuture(null));
    }

    private final LongFifoSet published;
    private final Map<String, CompletableFuture<RuntimeException>> pending = new HashMap<>();
    /** kafka.* of the configuration: the broker's address and how to authenticate to it */
    private final Map<String, Object> broker;
    private volatile boolean loaded;
    private volatile boolean stopping;

    public DuplicateIndex(@Identifier("default-kafka-broker") Map<String, Object> broker, IngestConfig config) {
        this.broker = broker;
        this.published = new LongFifoSet(config.duplicateIndex().capacity());
    }

    void onStart(@Observes StartupEvent start) {
        // in the background: a broker that is away at startup must not stop the service from starting
        Thread loader = new Thread(this::loadUntilDone, "duplicate-index-load");
        loader.setDaemon(true);
        loader.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        stopping = true;
    }

    public boolean loaded() {
        return loaded;
    }

    /** Hashes known, at most the capacity. */
    public synchronized int size() {
        return published.size();
    }

    /**
     * The owner's claim when the text is neither known nor being sent: the caller now sends it and must call
     * {@link #published} or {@link #failed}. Otherwise the outcome of the first send to wait for.
     */
    public synchronized Claim claim(String sha256) {
        if (published.contains(key(sha256))) {
            return Claim.KNOWN;
        }
        CompletableFuture<RuntimeException> first = pending.get(sha256);
        if (first != null) {
            return new Claim(false, first);
        }
        CompletableFuture<RuntimeException> mine = new CompletableFuture<>();
        pending.put(sha256, mine);
        return new Claim(true, mine);
    }

    /** The broker acknowledged the owner's send: the hash is known, and the copies that waited are duplicates. */
    public void published(String sha256) {
        CompletableFuture<RuntimeException> first;
        synchronized (this) {
            published.add(key(sha256));
            first = pending.remove(sha256);
        }
        if (first != null) {
            first.complete(null);
        }
    }

    /** The owner's send failed: the hash stays unknown, and the copies that waited get the same failure. */
    public void failed(String sha256, RuntimeException why) {
        CompletableFuture<RuntimeException> first;
        synchronized (this) {
            first = pending.remove(sha256);
        }
        if (first != null) {
            first.complete(why);
        }
    }

    private synchronized void addLoaded(String sha256) {
        published.add(key(sha256));
    }

    /** The first 64 bits of the hex SHA-256; 0 marks an empty slot, so it becomes 1. */
    static long key(String sha256) {
        long key = sha256.length() >= 16 ? parseHex(sha256) : sha256.hashCode();
        return key == 0 ? 1 : key;
    }

    private static long parseHex(String sha256) {
        try {
            return Long.parseUnsignedLong(sha256, 0, 16, 16);
        } catch (NumberFormatException notHex) { // a key another producer wrote
            return sha256.hashCode() | 1L << 40;
        }
    }

    private void loadUntilDone() {
        while (!loaded && !stopping) {
            try {
                long started = System.nanoTime();
                int keys = RawTopicKeys.readAll(broker, Topics.RAW, this::addLoaded);
                loaded = true;
                LOG.infof("duplicate index: %d records on %s, %d hashes kept, read in %d ms", keys, Topics.RAW,
                        size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            } catch (RuntimeException e) {
                LOG.warnf("duplicate index: cannot read %s yet (%s); retrying", Topics.RAW, e.toString());
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
