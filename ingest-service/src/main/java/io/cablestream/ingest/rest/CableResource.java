package io.cablestream.ingest.rest;

import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.domain.CableIntake;
import io.cablestream.ingest.domain.RawCable;
import io.cablestream.ingest.messaging.RawCablePublisher;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/** {@code POST /api/cables}: one raw cable in, 202 once the broker holds it. */
@Path("/api/cables")
public class CableResource {

    /** Header a client may set to say where the cable came from (a file name, a feed). */
    public static final String SOURCE_HEADER = "X-Cable-Source";

    private final CableIntake intake;
    private final RawCablePublisher publisher;
    private final IngestConfig config;

    public CableResource(CableIntake intake, RawCablePublisher publisher, IngestConfig config) {
        this.intake = intake;
        this.publisher = publisher;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one raw cable")
    @APIResponse(responseCode = "202", description = "The broker has the cable")
    @APIResponse(responseCode = "400", description = "Empty or binary body")
    @APIResponse(responseCode = "413", description = "Larger than ingest.max-cable-bytes")
    @APIResponse(responseCode = "503", description = "The broker cannot take it now; retry after Retry-After")
    public Uni<Response> ingest(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam(SOURCE_HEADER) String source) {
        RawCable cable = intake.accept(body, declaredCharset(contentType), mediaType(contentType),
                source == null ? "http" : source);
        return publisher.publish(cable)
                .ifNoItem().after(config.publishTimeout()).fail()
                .map(ignored -> Response.accepted(new IngestReceipt(cable.ingestId(), cable.sha256())).build())
                .onFailure().recoverWithItem(this::brokerUnavailable);
    }

    private Response brokerUnavailable(Throwable failure) {
        return Response.fromResponse(Problem.response(503,
                        "the broker did not acknowledge the cable: " + failure.getClass().getSimpleName()))
                .header(HttpHeaders.RETRY_AFTER, config.retryAfterSeconds())
                .build();
    }

    private static String mediaType(String contentType) {
        return contentType == null ? MediaType.TEXT_PLAIN : contentType.split(";", 2)[0].trim();
    }

    private static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        String charset = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return charset == null ? null : Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
