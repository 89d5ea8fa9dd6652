package io.cablestream.store.rest;

import io.cablestream.auth.AuditLog;
import io.cablestream.auth.Roles;
import io.cablestream.problem.Problem;
import io.cablestream.store.config.StoreConfig;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.persistence.query.DeadLetterPage;
import io.cablestream.store.persistence.query.DeadLetterQueries;
import io.cablestream.store.security.ReaderClearance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The records of cables.dead-letter: what no service could read or store, with the reason, and the exact value.
 * Re-drive after a parser fix: parse-service's {@code POST /api/replay/dead-letters}. For operators cleared for
 * everything: a dead letter's classification is unknown.
 */
@RolesAllowed(Roles.OPERATOR)
@Path("/api/dead-letters")
public class DeadLetterResource {

    private final DeadLetterQueries deadLetters;
    private final StoreConfig.Page page;

    private final ClearedReads reads;
    private final ReaderClearance reader;

    public DeadLetterResource(DeadLetterQueries deadLetters, StoreConfig config, ClearedReads reads,
                              ReaderClearance reader) {
        this.deadLetters = deadLetters;
        this.page = config.page();
        this.reads = reads;
        this.reader = reader;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Dead letters, newest first, a page at a time (keyset pagination), with a short preview")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem body")
    public DeadLetterPage list(
            @Parameter(description = "A short reason as listed, e.g. 'no cable id could be read'") @QueryParam("reason") String reason,
            @Parameter(description = "Page size, 1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        String filter = CableListParameters.text("reason", reason == null || reason.isEmpty() ? null : reason);
        int size = CableListParameters.limit(page, limit == null || limit.isEmpty() ? null : limit);
        Long after = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                after = DeadLetterQueries.decodeCursor(cursor);
            } catch (IllegalArgumentException e) {
                throw new BadParameterException("cursor", "is not a nextCursor of this API");
            }
        }
        Long afterId = after;
        return reads.call(reader.get(), () -> deadLetters.page(filter, size, afterId));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "One dead letter: reason, exception, source record, parser version, a preview")
    @APIResponse(responseCode = "404", description = "No dead letter with that id")
    public Response deadLetter(@PathParam("id") String id) {
        long key = id(id);
        AuditLog.record(reader.subject(), "dead-letter " + key, null, null, AuditLog.Outcome.DONE);
        return reads.call(reader.get(), () -> deadLetters.find(key)).map(d -> Response.ok(d, MediaType.APPLICATION_JSON_TYPE).build())
                .orElseGet(() -> notFound(id));
    }

    @GET
    @Path("/{id}/raw")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, Problem.MEDIA_TYPE})
    @Operation(summary = "The dead letter's value, byte for byte")
    @APIResponse(responseCode = "404", description = "No dead letter with that id")
    public Response raw(@PathParam("id") String id) {
        long key = id(id);
        AuditLog.record(reader.subject(), "dead-letter-raw " + key, null, null, AuditLog.Outcome.DONE);
        return reads.call(reader.get(), () -> deadLetters.value(key))
                .map(bytes -> Response.ok(bytes, MediaType.APPLICATION_OCTET_STREAM_TYPE).build())
                .orElseGet(() -> notFound(id));
    }

    private static long id(String id) {
        try {
            long value = Long.parseLong(id);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadParameterException("id", "must be a dead letter's id, a positive whole number");
    }

    private static Response notFound(String id) {
        return Problem.response(404, "no dead letter " + id);
    }
}
