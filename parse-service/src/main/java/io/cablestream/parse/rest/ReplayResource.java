package io.cablestream.parse.rest;

import io.cablestream.auth.AuditLog;
import io.cablestream.auth.Roles;
import io.cablestream.parse.replay.RawRange;
import io.cablestream.parse.replay.ReplayReport;
import io.cablestream.parse.replay.ReplayService;
import io.cablestream.problem.Problem;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Ops endpoints: re-drive dead letters after a parser fix, re-parse a range of cables.raw. */
@RolesAllowed(Roles.OPERATOR)
@Path("/api/replay")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ReplayResource {

    private final ReplayService replays;
    private final JsonWebToken caller;

    public ReplayResource(ReplayService replays, JsonWebToken caller) {
        this.replays = replays;
        this.caller = caller;
    }

    @POST
    @Path("/dead-letters")
    @Operation(summary = "Parse every dead letter of cables.raw again with the current parser")
    public ReplayReport deadLetters() {
        AuditLog.record(caller.getName(), "replay-dead-letters", null, null, AuditLog.Outcome.DONE);
        return replays.replayDeadLetters();
    }

    @POST
    @Path("/raw")
    @Operation(summary = "Parse a range of cables.raw again (by record time and/or offset) with the current parser")
    public Response raw(@QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("fromOffset") String fromOffset, @QueryParam("toOffset") String toOffset) {
        RawRange range;
        try {
            range = new RawRange(instant("from", from), instant("to", to), offset("fromOffset", fromOffset),
                    offset("toOffset", toOffset));
        } catch (IllegalArgumentException e) {
            return Problem.response(400, e.getMessage());
        }
        AuditLog.record(caller.getName(), "replay-raw " + range, null, null, AuditLog.Outcome.DONE);
        return Response.ok(replays.reparseRaw(range)).build();
    }

    private static Long offset(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter '" + parameter + "' is not an offset: " + value);
        }
    }

    /** An ISO instant ({@code 2026-11-28T10:00:00Z}) or a date ({@code 2026-11-28}, midnight UTC). */
    private static Instant instant(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + parameter + "' is not an ISO-8601 date or instant: "
                    + value);
        }
    }
}
