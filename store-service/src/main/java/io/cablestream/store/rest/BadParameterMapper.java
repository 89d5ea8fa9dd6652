package io.cablestream.store.rest;

import io.cablestream.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link BadParameterException} -> 400 problem body. */
@Provider
public class BadParameterMapper implements ExceptionMapper<BadParameterException> {

    @Override
    public Response toResponse(BadParameterException e) {
        return Problem.response(400, e.getMessage(), "parameter", e.parameter());
    }
}
