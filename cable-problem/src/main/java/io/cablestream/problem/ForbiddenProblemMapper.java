package io.cablestream.problem;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A valid token without the role the endpoint needs: 403 with a problem body. */
@Provider
public class ForbiddenProblemMapper implements ExceptionMapper<ForbiddenException> {

    @Override
    public Response toResponse(ForbiddenException e) {
        return Problem.response(403, "the token's roles do not allow this request");
    }
}
