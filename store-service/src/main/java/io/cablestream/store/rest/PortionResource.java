package io.cablestream.store.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.cablestream.auth.AuditLog;
import io.cablestream.auth.Clearance.Level;
import io.cablestream.auth.Clearance;
import io.cablestream.auth.Roles;
import io.cablestream.events.CableJson;
import io.cablestream.problem.Problem;
import io.cablestream.store.config.StoreConfig;
import io.cablestream.store.persistence.query.OwnerReads.MarkedCable;
import io.cablestream.store.persistence.query.OwnerReads;
import io.cablestream.store.security.ReaderClearance;
import io.cablestream.store.service.PortionMarkings.Portion;
import io.cablestream.store.service.PortionMarkings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /api/cables/{id}/portions}: a cable above the reader's clearance shown by its portion markings, when
 * the operator enables it ({@code cables.store.portion-reads=true}): it trusts the drafters' markings, so it is off
 * by default and the cable is then absent as everywhere else. An unmarked portion counts as the cable's level.
 */
@RolesAllowed(Roles.READER)
@Path("/api/cables/{id}/portions")
public class PortionResource {

    private final OwnerReads owner;
    private final ReaderClearance reader;
    private final boolean enabled;

    public PortionResource(OwnerReads owner, ReaderClearance reader, StoreConfig config) {
        this.owner = owner;
        this.reader = reader;
        this.enabled = config.portionReads();
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    @Operation(summary = "The subject and paragraphs the reader's clearance covers by their own markings")
    @APIResponse(responseCode = "404", description = "No such cable, or portion reads are off and it is above the clearance")
    public Response portions(@PathParam("id") String id) {
        Clearance clearance = reader.get();
        MarkedCable cable = owner.marked(id).orElse(null);
        if (cable == null) {
            return CableResource.notStored();
        }
        Portion whole = new Portion(cable.level() == null ? null : Level.ofRank(cable.level()),
                Set.copyOf(cable.controls()));
        boolean visible = within(null, whole, clearance);
        if (!visible && !enabled) {
            AuditLog.record(reader.subject(), "portions", id, cable.classification(), AuditLog.Outcome.HIDDEN);
            return CableResource.notStored();
        }
        PortionedCable answer = portioned(cable, whole, clearance, visible);
        AuditLog.record(reader.subject(), "portions", id, cable.classification(),
                answer.complete() ? AuditLog.Outcome.GRANTED : AuditLog.Outcome.HIDDEN);
        return Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static PortionedCable portioned(MarkedCable cable, Portion whole, Clearance clearance, boolean visible) {
        List<PortionedCable.Portion> paragraphs = new ArrayList<>();
        boolean complete = true;
        for (JsonNode paragraph : parsed(cable).path("paragraphs")) {
            String marking = paragraph.path("marking").isTextual() ? paragraph.path("marking").asText() : null;
            int number = paragraph.path("number").asInt();
            if (visible || within(marking, whole, clearance)) {
                paragraphs.add(new PortionedCable.Portion(number, marking, ReadableCable.text(paragraph, cable.rawText()), false));
            } else {
                paragraphs.add(new PortionedCable.Portion(number, marking, null, true));
                complete = false;
            }
        }
        boolean subject = visible || within(PortionMarkings.subjectMarking(cable.rawText()), whole, clearance);
        return new PortionedCable(cable.cableId(), cable.classification(), complete && subject,
                subject ? cable.subject() : null, !subject, paragraphs);
    }

    /**
     * Is a portion with this marking (none: the cable's level) within the clearance? A cable whose level could not
     * be read is, as everywhere, for a reader cleared for everything only.
     */
    private static boolean within(String marking, Portion whole, Clearance clearance) {
        Portion portion = PortionMarkings.read(marking).orElse(whole);
        return portion.level() == null ? clearance.isEverything()
                : clearance.permits(portion.level(), portion.controls());
    }

    private static JsonNode parsed(MarkedCable cable) {
        try {
            return CableJson.mapper().readTree(cable.parsed());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored parsed JSON of " + cable.cableId() + " does not read", e);
        }
    }
}
