package io.cablestream.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Limits, timeouts and the spool directory of the ingest service ({@code ingest.*} in application.properties). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest cable accepted, in bytes; a larger one is answered 413. */
    @WithDefault("1048576")
    int maxCableBytes();

    /** How long a request waits for the broker's acknowledgement before it is answered 503. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** Seconds a client is told to wait (Retry-After) when the broker cannot take the cable. */
    @WithDefault("5")
    int retryAfterSeconds();

    /**
     * Cables sent to the broker and not yet acknowledged, service-wide, at most; a request that finds the window
     * full waits up to publish-timeout and is then answered 503. Matches the Kafka sink's max-inflight-messages.
     */
    @WithDefault("1024")
    int maxInFlight();

    Spool spool();

    /** The continuous feed: files dropped into {@code <directory>/inbox}. */
    interface Spool {

        /** Root of inbox/, done/ and failed/; the spool is off when unset. */
        Optional<Path> directory();

        /** How often inbox/ is scanned; a file is taken once its size and time are the same on two scans. */
        @WithDefault("2s")
        Duration pollInterval();
    }
}
