package io.cablestream.store.persistence.write;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/** When the store last wrote a batch: the search indexer gives way to the store while cables are pouring in. */
@ApplicationScoped
public class StoreActivity {

    private volatile long lastWriteNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

    void batchWritten() {
        lastWriteNanos = System.nanoTime();
    }

    public boolean wroteWithin(Duration duration) {
        return System.nanoTime() - lastWriteNanos < duration.toNanos();
    }
}
