package io.cablestream.store.rest;

import io.cablestream.auth.AuditLog;
import io.cablestream.auth.Roles;
import io.cablestream.problem.Problem;
import io.cablestream.store.persistence.query.CableEntity;
import io.cablestream.store.persistence.query.CableGraph;
import io.cablestream.store.persistence.query.CablePage;
import io.cablestream.store.persistence.query.CableQuery;
import io.cablestream.store.persistence.query.CableRepository;
import io.cablestream.store.persistence.query.CableSearch;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.persistence.query.OwnerReads;
import io.cablestream.store.security.ReaderClearance;
import io.cablestream.store.service.ControlCharacters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.function.Function;

/**
 * The stored cables: the filtered list, one cable as parsed JSON or raw text, and the reference graph; each within
 * the reader's clearance (a cable above it is absent: 404, not listed, not counted, not matched).
 */
@RolesAllowed(Roles.READER)
@Path("/api/cables")
public class CableResource {

    private final CableRepository cables;
    private final CableSearch search;
    private final CableListParameters parameters;
    private final CableGraph graph;
    private final ClearedReads reads;
    private final ReaderClearance reader;
    private final OwnerReads owner;

    public CableResource(CableRepository cables, CableSearch search, CableListParameters parameters,
                         CableGraph graph, ClearedReads reads, ReaderClearance reader, OwnerReads owner) {
        this.cables = cables;
        this.search = search;
        this.parameters = parameters;
        this.graph = graph;
        this.reads = reads;
        this.reader = reader;
        this.owner = owner;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "Cables matching every given filter, by DTG, a page at a time (keyset pagination)")
    @APIResponse(responseCode = "200", description = "{\"items\": [...], \"nextCursor\": \"...\"}; no nextCursor"
            + " on the last page")
    @APIResponse(responseCode = "400", description = "A bad parameter, named in the problem body")
    public CablePage list(
            @Parameter(description = "TAGS code, e.g. PREL or FR") @QueryParam("tag") String tag,
            @Parameter(description = "Sending post as the cable id names it, e.g. PARIS") @QueryParam("origin") String origin,
            @Parameter(description = "e.g. CONFIDENTIAL or SECRET//NOFORN") @QueryParam("classification") String classification,
            @Parameter(description = "DTG from, inclusive: 2009-04-07 or 2009-04-07T15:27:00Z") @QueryParam("from") String from,
            @Parameter(description = "DTG to, inclusive (a date includes its day)") @QueryParam("to") String to,
            @Parameter(description = "Words in the subject, summary or body (web search syntax: \"quoted phrase\", -not, or)") @QueryParam("q") String q,
            @Parameter(description = "-dtg (newest first, default) or dtg") @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 500, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        CableQuery query = parameters.parse(tag, origin, classification, from, to, q, sort, limit, cursor);
        return reads.call(reader.get(), () -> search.find(query));
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The parsed cable (ParsedCable JSON without rawText; each paragraph with its text)")
    @APIResponse(responseCode = "404", description = "No cable with that id is stored")
    public Response parsed(@PathParam("id") String id) {
        return found("get", id, cable -> Response.ok(ReadableCable.of(cable), MediaType.APPLICATION_JSON_TYPE));
    }

    @GET
    @Path("/{id}/raw")
    @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
    @Operation(summary = "The cable's text as it was ingested")
    @APIResponse(responseCode = "404", description = "No cable with that id is stored")
    public Response raw(@PathParam("id") String id) {
        // the exact bytes where the text held a NUL, which PostgreSQL text cannot
        return found("raw", id, cable -> Response.ok(cable.rawBytes != null ? cable.rawBytes : cable.rawText,
                "text/plain; charset=UTF-8"));
    }

    @GET
    @Path("/{id}/references")
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The cables this cable cites (REF), in order, stored or not (stored: false)")
    @APIResponse(responseCode = "404", description = "No cable with that id is stored")
    public Response references(@PathParam("id") String id) {
        if (!storable(id)) {
            return notStored();
        }
        var links = reads.call(reader.get(), () -> graph.references(id));
        owner.classification(id).ifPresent(classification -> audit("references", id, classification,
                links.isPresent()));
        return links.map(found -> Response.ok(new References(id, found)).build())
                .orElseGet(() -> notStored());
    }

    @GET
    @Path("/{id}/cited-by")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The stored cables that cite this id, newest first, whether or not it is stored itself")
    public CitedBy citedBy(@PathParam("id") String id) {
        if (!storable(id)) {
            return new CitedBy(id, false, java.util.List.of());
        }
        return reads.call(reader.get(), () -> new CitedBy(id, graph.isStored(id), graph.citedBy(id)));
    }

    private Response found(String action, String id, Function<CableEntity, Response.ResponseBuilder> answer) {
        if (!storable(id)) {
            return notStored();
        }
        var response = reads.call(reader.get(), () -> cables.findVisible(id).map(cable -> {
            audit(action, id, cable.classification, true);
            return answer.apply(cable).build();
        }));
        if (response.isEmpty()) {
            // the one case that asks the owner: is the cable absent, or above the reader?
            owner.classification(id).ifPresent(classification -> audit(action, id, classification, false));
        }
        return response.orElseGet(() -> notStored());
    }

    /**
     * The audit line of a read by id: granted for a classified cable the reader got, hidden for one above the
     * reader's clearance; an UNCLASSIFIED cable's read leaves none. No classification (null or "") is logged too.
     */
    private void audit(String action, String id, String classification, boolean granted) {
        if (!"UNCLASSIFIED".equals(classification)) {
            AuditLog.record(reader.subject(), action, id,
                    classification == null || classification.isEmpty() ? null : classification,
                    granted ? AuditLog.Outcome.GRANTED : AuditLog.Outcome.HIDDEN);
        }
    }

    /**
     * The answer for a cable that is not stored or is above the reader's clearance, which must read the same: it
     * does not repeat the id either.
     */
    static Response notStored() {
        return Problem.response(404, "no cable with that id is stored");
    }

    /** No cable id holds a control character, and NUL cannot even be sent to PostgreSQL. */
    private static boolean storable(String id) {
        return ControlCharacters.replaced(id).equals(id);
    }
}
