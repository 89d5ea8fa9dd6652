package io.cablestream.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.cablestream.ingest.domain.ItemOutcome;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * An RFC 9457 problem body ({@code application/problem+json}); a 503 to a batch adds the extension member
 * {@code items}: what was settled before the broker failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<ItemOutcome> items) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String detail) {
        return response(status, detail, null);
    }

    public static Response response(int status, String detail, List<ItemOutcome> items) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, items)).build();
    }
}
