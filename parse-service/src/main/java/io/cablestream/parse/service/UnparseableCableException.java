package io.cablestream.parse.service;

/** A raw record the parser could not make a cable of; its message is the dead-letter reason. */
public class UnparseableCableException extends RuntimeException {

    private final String category;

    public UnparseableCableException(String category, String reason) {
        super(reason);
        this.category = category;
    }

    public UnparseableCableException(String category, String reason, Throwable cause) {
        super(reason, cause);
        this.category = category;
    }

    /** A short, bounded name for metrics: empty, no-cable-id, parser-error. */
    public String category() {
        return category;
    }
}
