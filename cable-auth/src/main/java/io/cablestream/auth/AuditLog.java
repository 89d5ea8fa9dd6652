package io.cablestream.auth;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The audit trail: one log line (a JSON object where the services log JSON) per read of a classified cable and per
 * operator action, in the category {@value #CATEGORY}, with who ({@code audit.subject}), what
 * ({@code audit.action}: the endpoint), which cable ({@code audit.cable}, its {@code audit.classification}) and the
 * outcome ({@code audit.outcome}); the request's {@code traceId} is in the same line's MDC.
 */
public final class AuditLog {

    public static final String CATEGORY = "cable-stream.audit";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    /** Granted: the reader got the cable. Hidden: it is above the reader's clearance. Done: an operator action. */
    public enum Outcome { GRANTED, HIDDEN, DONE }

    private AuditLog() {
    }

    /** One line; {@code cableId} and {@code classification} may be null (an action on no one cable). */
    public static void record(String subject, String action, String cableId, String classification, Outcome outcome) {
        MDC.put("audit.subject", String.valueOf(subject));
        MDC.put("audit.action", action);
        MDC.put("audit.outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        if (cableId != null) {
            MDC.put("audit.cable", cableId);
        }
        if (classification != null) {
            MDC.put("audit.classification", classification);
        }
        try {
            LOG.infof("audit: %s %s %s by %s", action, cableId == null ? "-" : cableId,
                    outcome.name().toLowerCase(java.util.Locale.ROOT), subject);
        } finally {
            for (String key : new String[]{"audit.subject", "audit.action", "audit.outcome", "audit.cable",
                "audit.classification"}) {
                MDC.remove(key);
            }
        }
    }
}
