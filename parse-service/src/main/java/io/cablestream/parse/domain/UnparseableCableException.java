package io.cablestream.parse.messaging;

/** A raw record the parser could not make a cable of; its message is the dead-letter reason. */
public class UnparseableCableException extends RuntimeException {

    public UnparseableCableException(String reason) {
        super(reason);
    }

    public UnparseableCableException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
