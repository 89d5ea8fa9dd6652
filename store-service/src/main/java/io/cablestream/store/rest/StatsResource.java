package io.cablestream.store.rest;

import io.cablestream.auth.Roles;
import io.cablestream.store.persistence.query.CableCounts;
import io.cablestream.store.persistence.query.CableStats;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.security.ReaderClearance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /api/stats}: how many cables the reader may see are stored, by classification, year and origin. */
@RolesAllowed(Roles.READER)
@Path("/api/stats")
public class StatsResource {

    private final CableCounts counts;
    private final ClearedReads reads;
    private final ReaderClearance reader;

    public StatsResource(CableCounts counts, ClearedReads reads, ReaderClearance reader) {
        this.counts = counts;
        this.reads = reads;
        this.reader = reader;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Totals of the stored cables; missing values count under \"unknown\"")
    public CableStats stats() {
        return reads.call(reader.get(), counts::stats);
    }
}
