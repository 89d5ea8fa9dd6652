package io.cablestream.ingest.rest;

import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.service.BrokerUnavailableException;
import io.cablestream.ingest.service.RejectedCableException;
import io.cablestream.problem.Problem;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Ingest's own errors as {@code application/problem+json}: rejected cables, an unavailable broker (with the items
 * a batch settled before it failed, and Retry-After), unreadable bodies; JAX-RS's own (415, 404, 405) and anything
 * unexpected are cable-problem's {@code UnexpectedErrorMapper}.
 */
public class ProblemMappers {

    private final IngestConfig config;

    public ProblemMappers(IngestConfig config) {
        this.config = config;
    }

    @ServerExceptionMapper
    public Response rejected(RejectedCableException rejection) {
        return Problem.response(rejection.status(), rejection.getMessage());
    }

    @ServerExceptionMapper
    public Response brokerUnavailable(BrokerUnavailableException unavailable) {
        return Response.fromResponse(Problem.response(503, unavailable.getMessage(),
                        "items", unavailable.settled().isEmpty() ? null : unavailable.settled()))
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                .build();
    }

    /** A request body that broke off or could not be read (a client that stopped sending): the client's fault. */
    @ServerExceptionMapper
    public Response unreadable(IOException failure) {
        return Problem.response(400, "the request body could not be read: " + failure.getMessage());
    }

    @ServerExceptionMapper
    public Response unreadable(UncheckedIOException failure) {
        return unreadable(failure.getCause());
    }
}
