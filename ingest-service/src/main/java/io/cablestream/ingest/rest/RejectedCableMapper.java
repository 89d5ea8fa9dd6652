package io.cablestream.ingest.rest;

import io.cablestream.ingest.domain.RejectedCableException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns a rejected cable into its problem response. */
public class RejectedCableMapper {

    @ServerExceptionMapper
    public Response toProblem(RejectedCableException rejection) {
        return Problem.response(rejection.status(), rejection.getMessage());
    }
}
