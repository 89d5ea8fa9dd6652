package io.cablestream.store.rest;

import io.cablestream.store.persistence.CableEntity;
import io.cablestream.store.persistence.CableRepository;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.function.Function;

/** The stored cables: {@code GET /api/cables/{id}} and its raw text. */
@Path("/api/cables")
public class CableResource {

    private final CableRepository cables;

    public CableResource(CableRepository cables) {
        this.cables = cables;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The parsed cable (ParsedCable JSON without rawText)")
    @APIResponse(responseCode = "404", description = "No cable with that id is stored")
    public Response parsed(@PathParam("id") String id) {
        return found(id, cable -> Response.ok(cable.parsed, MediaType.APPLICATION_JSON_TYPE));
    }

    @GET
    @Path("/{id}/raw")
    @Produces({MediaType.TEXT_PLAIN, Problem.MEDIA_TYPE})
    @Operation(summary = "The cable's text as it was ingested")
    @APIResponse(responseCode = "404", description = "No cable with that id is stored")
    public Response raw(@PathParam("id") String id) {
        return found(id, cable -> Response.ok(cable.rawText, "text/plain; charset=UTF-8"));
    }

    private Response found(String id, Function<CableEntity, Response.ResponseBuilder> answer) {
        return cables.findByIdOptional(id)
                .map(cable -> answer.apply(cable).build())
                .orElseGet(() -> Problem.response(404, "no cable " + id + " is stored"));
    }
}
