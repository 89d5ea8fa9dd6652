package io.cablestream.ingest.messaging;

import io.cablestream.ingest.service.BrokerUnavailableException;
import io.cablestream.ingest.service.RejectedCableException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;

import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed send means for the client. The producer or the broker refusing this record (too large, invalid)
 * would refuse it again: a rejection with the reason, never a 503 to retry forever. Anything else (timeouts, not
 * enough replicas, a broker away, an unknown error) may pass: 503 and Retry-After, nothing lost.
 */
public final class ProducerFailures {

    private ProducerFailures() {
    }

    public static RuntimeException classify(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException) {
            return new RejectedCableException(413, "too-large",
                    "the broker refused the cable's record as too large: " + cause.getMessage());
        }
        if (cause instanceof InvalidRecordException || cause instanceof SerializationException) {
            return new RejectedCableException(400, "refused",
                    "the broker refused the cable's record: " + cause.getMessage());
        }
        return new BrokerUnavailableException("the broker did not acknowledge the cable: " + cause, List.of());
    }
}
