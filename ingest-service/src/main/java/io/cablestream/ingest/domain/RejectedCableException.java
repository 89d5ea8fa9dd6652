package io.cablestream.ingest.domain;

/** A cable the service will not accept, with the HTTP status that says why. */
public class RejectedCableException extends RuntimeException {

    private final int status;

    public RejectedCableException(int status, String reason) {
        super(reason);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
