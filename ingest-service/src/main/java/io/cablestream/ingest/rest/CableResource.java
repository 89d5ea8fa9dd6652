package io.cablestream.ingest.rest;

import io.cablestream.auth.Roles;
import io.cablestream.ingest.config.IngestConfig;
import io.cablestream.ingest.messaging.CableLog;
import io.cablestream.ingest.metrics.IngestMetrics;
import io.cablestream.ingest.service.CableIngestService;
import io.cablestream.ingest.service.CableItem;
import io.cablestream.ingest.service.CableValidator;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
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

import java.io.IOException;
import java.io.InputStream;

/** {@code POST /api/cables}: one raw cable in, 202 once the broker holds it. */
@RolesAllowed(Roles.INGEST)
@Path("/api/cables")
public class CableResource {

    /** Header a client may set to say where the cable came from (a file name, a feed). */
    public static final String SOURCE_HEADER = "X-Cable-Source";

    private final CableIngestService ingestService;
    private final IngestMetrics metrics;
    private final IngestConfig config;

    public CableResource(CableIngestService ingestService, IngestMetrics metrics, IngestConfig config) {
        this.ingestService = ingestService;
        this.metrics = metrics;
        this.config = config;
    }

    @POST
    @Blocking
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ingest one raw cable")
    @APIResponse(responseCode = "202", description = "The broker has the cable: status accepted, or duplicate when "
            + "the same text was already on cables.raw (not published again)")
    @APIResponse(responseCode = "400", description = "Empty or binary body")
    @APIResponse(responseCode = "413", description = "Larger than cables.ingest.max-cable-bytes")
    @APIResponse(responseCode = "503", description = "The broker cannot take it now; retry after Retry-After")
    public Uni<Response> ingest(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                @HeaderParam(SOURCE_HEADER) String source) throws IOException {
        // read at most one byte past the limit: an oversized body is refused without being held
        byte[] bytes = body.readNBytes(config.maxCableBytes() + 1);
        if (bytes.length > config.maxCableBytes()) {
            metrics.rejected("too-large");
            var tooLarge = CableValidator.tooLarge("more than " + config.maxCableBytes() + " bytes",
                    config.maxCableBytes());
            CableLog.rejected(source == null ? "http" : source, tooLarge);
            throw tooLarge;
        }
        CableItem item = CableItem.ofBytes(source == null ? "http" : source, bytes,
                MediaTypes.declaredCharset(contentType), MediaTypes.withoutParameters(contentType, MediaType.TEXT_PLAIN));
        // a duplicate is answered like the first post (202, the pipeline has it): posting again is idempotent,
        // and a client that only checks the status keeps working; the body tells the two apart
        return Uni.createFrom().completionStage(ingestService.ingestOne(item))
                .map(outcome -> Response.accepted(outcome).build());
    }
}
