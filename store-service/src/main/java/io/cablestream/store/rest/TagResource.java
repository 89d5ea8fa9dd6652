package io.cablestream.store.rest;

import io.cablestream.store.persistence.query.CableCounts;
import io.cablestream.store.persistence.query.TagCount;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;

/** {@code GET /api/tags}: every TAGS code with its kind and the number of stored cables carrying it. */
@Path("/api/tags")
public class TagResource {

    private final CableCounts counts;

    public TagResource(CableCounts counts) {
        this.counts = counts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tag codes, kinds and cable counts, most used first")
    public List<TagCount> tags() {
        return counts.tags();
    }
}
