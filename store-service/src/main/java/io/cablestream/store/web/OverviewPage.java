package io.cablestream.store.web;

import io.cablestream.auth.Roles;
import io.cablestream.store.persistence.query.CableCounts;
import io.cablestream.store.persistence.query.CableStats;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.security.ReaderClearance;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The overview: cables by year, classification, origin and tag as charts (Chart.js, overview.js), fed by
 * {@code /ui/overview/data}, the counts of {@code /api/stats} and {@code /api/tags} within the reader's clearance.
 */
@RolesAllowed(Roles.READER)
@Path("/ui/overview")
public class OverviewPage {

    /** Bars a chart of posts or tags can show legibly. */
    static final int TOP = 15;

    private final CableCounts counts;
    private final ClearedReads reads;
    private final ReaderClearance reader;
    private final JsonWebToken token;

    public OverviewPage(CableCounts counts, ClearedReads reads, ReaderClearance reader, JsonWebToken token) {
        this.counts = counts;
        this.reads = reads;
        this.reader = reader;
        this.token = token;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Pages.overview(Viewer.of(token, reader));
    }

    /** The charts' data, one snapshot: total, byYear, byClassification, byOrigin (top posts), byTag (top tags). */
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> data() {
        return reads.call(reader.get(), () -> {
            CableStats stats = counts.stats();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("total", stats.total());
            data.put("byYear", stats.byYear());
            data.put("byClassification", stats.byClassification());
            data.put("byOrigin", top(stats.byOrigin()));
            data.put("byTag", counts.mostUsedTagCodes(TOP));
            return data;
        });
    }

    private static Map<String, Long> top(Map<String, Long> counts) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().limit(TOP).forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
