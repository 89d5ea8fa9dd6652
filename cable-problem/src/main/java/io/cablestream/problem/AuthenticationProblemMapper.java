package io.cablestream.problem;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * No token, or one the service cannot verify (bad signature, wrong issuer, expired): 401 with a problem body and
 * the {@code Bearer} challenge. Never why the token failed beyond that: the log of the security layer says it.
 */
public final class AuthenticationProblemMapper {

    private AuthenticationProblemMapper() {
    }

    static Response unauthorized() {
        return Response.fromResponse(Problem.response(401,
                        "a bearer token is required (Authorization: Bearer ...); none was given or it is not valid"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    /** No identity where the endpoint needs one. */
    @Provider
    public static class Anonymous implements ExceptionMapper<UnauthorizedException> {
        @Override
        public Response toResponse(UnauthorizedException e) {
            return unauthorized();
        }
    }

    /** A token that does not verify. */
    @Provider
    public static class Failed implements ExceptionMapper<AuthenticationFailedException> {
        @Override
        public Response toResponse(AuthenticationFailedException e) {
            return unauthorized();
        }
    }
}
