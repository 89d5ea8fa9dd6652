package io.cablestream.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits and timeouts of the ingest service ({@code ingest.*} in application.properties). */
@ConfigMapping(prefix = "ingest")
public interface IngestConfig {

    /** Largest cable accepted, in bytes; a larger one is answered 413. */
    @WithDefault("1048576")
    int maxCableBytes();

    /** How long a request waits for the broker's acknowledgement before it is answered 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Seconds a client is told to wait (Retry-After) when the broker cannot take the cable. */
    @WithDefault("5")
    int retryAfterSeconds();
}
