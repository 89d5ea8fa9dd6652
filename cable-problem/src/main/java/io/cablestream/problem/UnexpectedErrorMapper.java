package io.cablestream.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Anything else -> a problem body: the status of a JAX-RS exception (404 unknown path, 405, 406...), or a 500
 * that names only a reference to the log line with the stack, never the exception's own words or a stack.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problem.response(status.getStatusCode(), status.getReasonPhrase());
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error, reference %s", reference);
        return Problem.response(500, "an unexpected error occurred; it is logged with reference " + reference);
    }
}
