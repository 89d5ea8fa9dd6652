package io.cablestream.ingest.service;

import java.io.IOException;

/**
 * A batch input went past one of the service's limits (decompressed bytes, compression ratio, archive entries, a
 * CSV record's length) while it was being read: the rest of it is not read, and the batch ends with this
 * rejection. An IOException so that it passes through the archive and CSV readers that call the stream.
 */
public class InputLimitException extends IOException {

    private final transient RejectedCableException rejection;

    public InputLimitException(int status, String reason, String detail) {
        super(detail);
        this.rejection = new RejectedCableException(status, reason, detail);
    }

    public RejectedCableException rejection() {
        return rejection;
    }

    /** The limit that {@code failure} (or one of its causes) reports, or null. */
    public static InputLimitException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InputLimitException limit) {
                return limit;
            }
        }
        return null;
    }
}
