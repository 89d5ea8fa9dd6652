package io.cablestream.events;

/**
 * Header names of a record on {@link Topics#DEAD_LETTER}. The {@code dead-letter-*} names are the ones
 * SmallRye Reactive Messaging's dead-letter-queue failure strategy writes; the others are ours.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String EXCEPTION_CLASS = "dead-letter-exception-class-name";
    public static final String SOURCE_TOPIC = "dead-letter-topic";
    public static final String SOURCE_PARTITION = "dead-letter-partition";
    public static final String SOURCE_OFFSET = "dead-letter-offset";
    /** Version of the parser that rejected the record, so a replay after a fix can be told apart. */
    public static final String PARSER_VERSION = "parserVersion";

    private DeadLetterHeaders() {
    }
}
