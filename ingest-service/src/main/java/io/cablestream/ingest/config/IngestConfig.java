package io.cablestream.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Limits, timeouts and the spool directory of the ingest service: {@code cables.ingest.*} in application.properties,
 * each also set by its environment variable {@code CABLES_INGEST_<NAME>}.
 */
@ConfigMapping(prefix = "cables.ingest")
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

    /**
     * Largest record sent to cables.raw (value, key and headers, as the producer counts it); a cable whose
     * record would be larger (a 1 MiB Windows-1252 cable is up to 3 MiB of UTF-8) is answered 413 before it is
     * sent. Must not exceed the producer's max.request.size nor the topic's max.message.bytes (2 MiB).
     */
    @WithDefault("2097152")
    int maxRecordBytes();

    /** Longest {@code source} (X-Cable-Source, NDJSON {@code source}, archive entry name), in characters. */
    @WithDefault("1024")
    int maxSourceChars();

    /**
     * Items read from one batch request or spool file at most; the rest is not read (one rejected item says so).
     * Twice the release (251,287 cables), so its whole cables.csv still goes in one request.
     */
    @WithDefault("500000")
    int maxBatchItems();

    /** Entries of one zip or tar archive at most (folders and skipped files included): twice the release. */
    @WithDefault("500000")
    int maxArchiveEntries();

    /** Decompressed bytes of one zip or tar.gz body at most (entries read or skipped). */
    @WithDefault("4294967296")
    long maxDecompressedBytes();

    /** Decompressed bytes per compressed byte of a zip or tar.gz body at most, checked once past 1 MiB. */
    @WithDefault("100")
    int maxCompressionRatio();

    Duplicates duplicateIndex();

    /** The in-heap index of the hashes already on cables.raw: a best-effort saving of broker space. */
    interface Duplicates {

        /** Hashes kept at most (8 bytes each, in a table of twice as many slots); the oldest go first. */
        @WithDefault("1000000")
        int capacity();
    }

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
