package io.cablestream.store.web;

import io.cablestream.auth.AuditLog;
import io.cablestream.auth.Roles;
import io.cablestream.store.persistence.query.CableEntity;
import io.cablestream.store.persistence.query.CableGraph;
import io.cablestream.store.persistence.query.CableRepository;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.persistence.query.OwnerReads;
import io.cablestream.store.security.ReaderClearance;
import io.cablestream.store.service.ControlCharacters;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A cable's permalink, {@code /ui/cables/{id}}, and its raw text on demand. Read as the API reads it (within the
 * reader's clearance, audited the same way); a cable above the clearance gets the very page of one not stored.
 */
@RolesAllowed(Roles.READER)
@Path("/ui/cables/{id}")
@Produces(MediaType.TEXT_HTML)
public class CablePage {

    private final CableRepository cables;
    private final CableGraph graph;
    private final ClearedReads reads;
    private final ReaderClearance reader;
    private final OwnerReads owner;
    private final JsonWebToken token;

    public CablePage(CableRepository cables, CableGraph graph, ClearedReads reads, ReaderClearance reader,
                     OwnerReads owner, JsonWebToken token) {
        this.cables = cables;
        this.graph = graph;
        this.reads = reads;
        this.reader = reader;
        this.owner = owner;
        this.token = token;
    }

    @GET
    public Response page(@PathParam("id") String id) {
        Optional<CableView> view = read(id, "ui-get").map(cable -> reads.call(reader.get(), () ->
                CableView.of(cable, graph.references(id).orElseThrow(), graph.citedBy(id))));
        return view.map(cable -> Response.ok(Pages.cable(Viewer.of(token, reader), cable).render()).build())
                .orElseGet(this::notStored);
    }

    /** The text as ingested, a fragment the cable page loads when asked (htmx). */
    @GET
    @Path("/raw")
    public Response raw(@PathParam("id") String id) {
        return read(id, "ui-raw").map(cable -> Response.ok(Pages.raw(cable.rawBytes != null
                        ? new String(cable.rawBytes, StandardCharsets.UTF_8) : cable.rawText).render()).build())
                .orElseGet(this::notStored);
    }

    private Optional<CableEntity> read(String id, String action) {
        if (!ControlCharacters.replaced(id).equals(id)) {
            return Optional.empty();
        }
        Optional<CableEntity> cable = reads.call(reader.get(), () -> cables.findVisible(id));
        if (cable.isPresent()) {
            audit(action, id, cable.get().classification, AuditLog.Outcome.GRANTED);
        } else {
            owner.classification(id).ifPresent(classification -> audit(action, id, classification,
                    AuditLog.Outcome.HIDDEN));
        }
        return cable;
    }

    /** As the API's: a read of a classified cable leaves an audit line, granted or hidden; an UNCLASSIFIED one none. */
    private void audit(String action, String id, String classification, AuditLog.Outcome outcome) {
        if (!"UNCLASSIFIED".equals(classification)) {
            AuditLog.record(reader.subject(), action, id,
                    classification == null || classification.isEmpty() ? null : classification, outcome);
        }
    }

    /** The same words for a cable not stored and one above the clearance, without the id. */
    private Response notStored() {
        return WebErrorPages.html(404, Pages.error(Viewer.of(token, reader), 404, "Cable not available",
                "No cable with that id is stored, or none that you may read."));
    }
}
