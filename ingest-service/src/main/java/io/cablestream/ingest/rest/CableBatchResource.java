package io.cablestream.ingest.rest;

import io.cablestream.auth.Roles;
import io.cablestream.ingest.rest.BatchReport;
import io.cablestream.ingest.service.CableIngestService;
import io.cablestream.ingest.source.CableFile;
import io.cablestream.ingest.source.CableSources;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * {@code POST /api/cables/batch}: many cables in one request, streamed item by item (NDJSON, zip, tar.gz, tar,
 * cables.csv) or as multipart files; answered with every item's outcome once the broker acknowledged them.
 */
@RolesAllowed(Roles.INGEST)
@Path("/api/cables/batch")
@Produces(MediaType.APPLICATION_JSON)
public class CableBatchResource {

    private final CableIngestService ingestService;
    private final CableSources sources;

    public CableBatchResource(CableIngestService ingestService, CableSources sources) {
        this.ingestService = ingestService;
        this.sources = sources;
    }

    @POST
    @Consumes({CableSources.NDJSON, CableSources.CSV, CableSources.ZIP, CableSources.GZIP, CableSources.X_GZIP,
            CableSources.TAR})
    @Operation(summary = "Ingest a stream of cables: NDJSON lines, a zip, tar.gz or tar of cable files, or cables.csv",
            description = "Each file of an archive is read as UTF-8, else as Windows-1252 with the charsetGuessed "
                    + "header set; a charset parameter of application/x-tar (or text/csv) declares the charset "
                    + "of every file (or row) instead.")
    @APIResponse(responseCode = "200", description = "Per item: accepted, duplicate or rejected with the reason")
    @APIResponse(responseCode = "415", description = "Not one of the batch media types")
    @APIResponse(responseCode = "503", description = "The broker failed; the items settled so far are in the problem")
    public BatchReport ingestStream(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType)
            throws IOException {
        String mediaType = MediaTypes.withoutParameters(contentType, CableSources.NDJSON);
        return BatchReport.of(ingestService.ingestAll(sources.open(mediaType, MediaTypes.declaredCharset(contentType), body)));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Ingest uploaded files, one cable each")
    @APIResponse(responseCode = "200", description = "Per file: accepted, duplicate or rejected with the reason")
    public BatchReport ingestFiles(@RestForm(FileUpload.ALL) List<FileUpload> files) {
        List<CableFile> cables = files.stream()
                .map(file -> new CableFile(file.uploadedFile(), file.fileName() != null ? file.fileName() : file.name(),
                        MediaTypes.declaredCharset(file.contentType()),
                        MediaTypes.withoutParameters(file.contentType(), MediaType.TEXT_PLAIN)))
                .toList();
        return BatchReport.of(ingestService.ingestAll(sources.files(cables)));
    }
}
