package io.cablestream.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * An RFC 9457 problem body ({@code application/problem+json}), the one every service answers errors with;
 * {@code extensions} are the problem's extension members (a batch's settled {@code items}, a bad query
 * {@code parameter}), written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail"})
public record Problem(String type, String title, int status, String detail,
        @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem {
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions;
    }

    public static Response response(int status, String detail) {
        return response(status, detail, null, null);
    }

    /** With the extension member {@code name}, left out when its value is null. */
    public static Response response(int status, String detail, String name, Object value) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : "Error";
        Map<String, Object> extensions = value == null ? Map.of() : Map.of(name, value);
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, extensions)).build();
    }
}
