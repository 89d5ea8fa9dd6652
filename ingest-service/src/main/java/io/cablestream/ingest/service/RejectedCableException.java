package io.cablestream.ingest.service;

/** A cable the service will not accept: the HTTP status, a short reason code for metrics, and why. */
public class RejectedCableException extends RuntimeException {

    private final int status;
    private final String reason;

    public RejectedCableException(int status, String reason, String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    public int status() {
        return status;
    }

    /** A low-cardinality code ({@code empty}, {@code too-large}, {@code binary}, ...): a metric tag. */
    public String reason() {
        return reason;
    }
}
