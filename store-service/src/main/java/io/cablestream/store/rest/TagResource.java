package io.cablestream.store.rest;

import io.cablestream.auth.Roles;
import io.cablestream.store.persistence.query.CableCounts;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.persistence.query.TagCount;
import io.cablestream.store.security.ReaderClearance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/**
 * {@code GET /api/tags}: every TAGS code with its kind and the number of stored cables the reader may see carrying it.
 */
@RolesAllowed(Roles.READER)
@Path("/api/tags")
public class TagResource {

    private final CableCounts counts;
    private final ClearedReads reads;
    private final ReaderClearance reader;

    public TagResource(CableCounts counts, ClearedReads reads, ReaderClearance reader) {
        this.counts = counts;
        this.reads = reads;
        this.reader = reader;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tag codes, kinds and cable counts, most used first")
    public List<TagCount> tags() {
        return reads.call(reader.get(), counts::tags);
    }
}
