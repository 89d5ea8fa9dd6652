package io.cablestream.ingest.rest;

import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.domain.BrokerUnavailableException;
import io.cablestream.ingest.domain.RejectedCableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error as {@code application/problem+json}: rejected cables, an unavailable broker, and JAX-RS's own (415, 404, 405). */
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
                        unavailable.settled().isEmpty() ? null : unavailable.settled()))
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException failure) {
        return Problem.response(failure.getResponse().getStatus(), failure.getMessage());
    }
}
