package io.cablestream.store.rest;

import io.cablestream.store.persistence.query.CableCounts;
import io.cablestream.store.persistence.query.CableStats;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/stats}: how many cables are stored, by classification, year and origin. */
@Path("/api/stats")
public class StatsResource {

    private final CableCounts counts;

    public StatsResource(CableCounts counts) {
        this.counts = counts;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Totals of the stored cables; missing values count under \"unknown\"")
    public CableStats stats() {
        return counts.stats();
    }
}
