package io.cablestream.events;

/** The Kafka topics of the pipeline and their default partition counts. */
public final class Topics {

    /** Raw cable bytes as ingested; key: SHA-256 of the normalised text, headers: {@link RawCableHeaders}. */
    public static final String RAW = "cables.raw";

    /** {@link ParsedCable} JSON; key: the canonical cable id, so every version of one cable lands in one partition. */
    public static final String PARSED = "cables.parsed";

    /** Records that could not be processed: the original key and value, the reason in {@link DeadLetterHeaders}. */
    public static final String DEAD_LETTER = "cables.dead-letter";

    /** parse-service scales up to this many instances: one partition each at most. */
    public static final int DEFAULT_PARTITIONS = 6;

    private Topics() {
    }
}
