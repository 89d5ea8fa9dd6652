package io.cablestream.ingest.messaging;

import io.cablestream.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of every cable already on cables.raw, so the same text is answered {@code duplicate} and not
 * published twice, across restarts: the record key of cables.raw is that hash, and on startup the keys of the
 * whole topic are read back into memory. Until then the service is not ready and answers 503.
 */
@ApplicationScoped
public class DuplicateIndex {

    private static final Logger LOG = Logger.getLogger(DuplicateIndex.class);

    private final Set<String> published = ConcurrentHashMap.newKeySet();
    private final String bootstrapServers;
    private volatile boolean loaded;
    private volatile boolean stopping;

    public DuplicateIndex(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
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

    public int size() {
        return published.size();
    }

    /** True when the hash was not known: the caller now owns its publication and must {@link #release} on failure. */
    public boolean claim(String sha256) {
        return published.add(sha256);
    }

    /** Forgets a claimed hash whose publication failed, so the cable can be sent again. */
    public void release(String sha256) {
        published.remove(sha256);
    }

    private void loadUntilDone() {
        while (!loaded && !stopping) {
            try {
                long started = System.nanoTime();
                int keys = RawTopicKeys.readAll(bootstrapServers, Topics.RAW, published::add);
                loaded = true;
                LOG.infof("duplicate index: %d cables on %s, read in %d ms", keys, Topics.RAW,
                        Duration.ofNanos(System.nanoTime() - started).toMillis());
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
