package io.cablestream.ingest.messaging;

import io.cablestream.ingest.service.RawCable;
import io.cablestream.ingest.service.RejectedCableException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One log line per cable settled, with its ids in the MDC so that JSON logs can be searched by them: {@code ingestId}
 * and {@code sha256} of an accepted cable (the record's headers), {@code sha256} of a duplicate, {@code source} and {@code reason} of a
 * rejected one (it never got an ingest id), and the request's {@code traceId} (OpenTelemetry puts it in the MDC on
 * the request's thread; the acknowledgement arrives on the producer's thread, so it is carried there by hand).
 * Accepted and duplicate cables are logged at DEBUG (10,000 lines a second at INFO would cost more than the
 * cables), rejected ones at INFO.
 */
public final class CableLog {

    static final String INGEST_ID = "ingestId";
    static final String SHA256 = "sha256";
    static final String SOURCE = "source";
    static final String REASON = "reason";
    static final String TRACE_ID = "traceId";

    // its own category, under messaging: QUARKUS_LOG_CATEGORY__IO_CABLESTREAM_INGEST_MESSAGING__LEVEL=DEBUG turns it on
    private static final Logger LOG = Logger.getLogger(CableLog.class);

    private CableLog() {
    }

    /** The trace id of the current request, to be logged on another thread later; null when there is none. */
    public static String currentTraceId() {
        if (!LOG.isDebugEnabled()) {
            return null;
        }
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    public static void accepted(RawCable cable, String traceId) {
        if (LOG.isDebugEnabled()) {
            withIds(cable, traceId, () -> LOG.debugf("accepted %s: %d bytes, %s%s on cables.raw", cable.source(),
                    cable.text().length, cable.charset(), cable.charsetGuessed() ? " (guessed)" : ""));
        }
    }

    public static void notAcknowledged(RawCable cable, String traceId, Throwable failure) {
        if (LOG.isDebugEnabled()) {
            withIds(cable, traceId, () -> LOG.debugf("not acknowledged %s: %s", cable.source(), failure.toString()));
        }
    }

    /** Logs with the cable's ids and the request's trace id in the MDC, on whatever thread the ack came. */
    private static void withIds(RawCable cable, String traceId, Runnable log) {
        Object previousTrace = put(TRACE_ID, traceId);
        put(INGEST_ID, cable.ingestId());
        put(SHA256, cable.sha256());
        try {
            log.run();
        } finally {
            MDC.remove(INGEST_ID);
            MDC.remove(SHA256);
            restore(TRACE_ID, previousTrace, traceId);
        }
    }

    /** Only the hash: the ingest id that the copy on cables.raw carries is not known here. */
    public static void duplicate(RawCable cable) {
        if (LOG.isDebugEnabled()) {
            put(SHA256, cable.sha256());
            try {
                LOG.debugf("duplicate %s: already on cables.raw", cable.source());
            } finally {
                MDC.remove(SHA256);
            }
        }
    }

    public static void rejected(String fullSource, RejectedCableException rejection) {
        if (LOG.isInfoEnabled()) {
            String source = io.cablestream.ingest.service.ItemOutcome.shown(fullSource);
            put(SOURCE, source);
            put(REASON, rejection.reason());
            try {
                LOG.infof("rejected %s (%s): %s", source, rejection.reason(), rejection.getMessage());
            } finally {
                MDC.remove(SOURCE);
                MDC.remove(REASON);
            }
        }
    }

    private static Object put(String key, String value) {
        return value == null ? null : MDC.put(key, value);
    }

    private static void restore(String key, Object previous, String value) {
        if (value == null) {
            return;
        }
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
