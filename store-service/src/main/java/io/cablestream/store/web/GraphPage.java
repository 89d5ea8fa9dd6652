package io.cablestream.store.web;

import io.cablestream.auth.Roles;
import io.cablestream.store.persistence.query.CableGraph;
import io.cablestream.store.persistence.query.CableRepository;
import io.cablestream.store.persistence.query.ClearedReads;
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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference graph around a cable: a page that draws it (cytoscape.js, graph.js) and lists its nodes as links,
 * and the graph as JSON for the drawing, both within the reader's clearance.
 */
@RolesAllowed(Roles.READER)
@Path("/ui/cables/{id}/graph")
public class GraphPage {

    private final CableRepository cables;
    private final CableGraph graph;
    private final ClearedReads reads;
    private final ReaderClearance reader;
    private final JsonWebToken token;

    public GraphPage(CableRepository cables, CableGraph graph, ClearedReads reads, ReaderClearance reader,
                     JsonWebToken token) {
        this.cables = cables;
        this.graph = graph;
        this.reads = reads;
        this.reader = reader;
        this.token = token;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id) {
        return neighbourhood(id)
                .map(found -> Response.ok(Pages.graph(Viewer.of(token, reader), found).render()).build())
                .orElseGet(() -> WebErrorPages.html(404, Pages.error(Viewer.of(token, reader), 404,
                        "Cable not available", "No cable with that id is stored, or none that you may read.")));
    }

    /** Cytoscape's elements: {@code {nodes: [{data: {...}}], edges: [{data: {source, target}}]}}. */
    @GET
    @Path("/data")
    @Produces(MediaType.APPLICATION_JSON)
    public Response data(@PathParam("id") String id) {
        return neighbourhood(id).map(found -> Response.ok(elements(found)).build())
                .orElseGet(() -> Response.status(404).entity(Map.of("nodes", List.of(), "edges", List.of())).build());
    }

    private Optional<Neighbourhood> neighbourhood(String id) {
        if (!ControlCharacters.replaced(id).equals(id)) {
            return Optional.empty();
        }
        return reads.call(reader.get(), () -> cables.findVisible(id)
                .map(cable -> Neighbourhood.around(id, cable.classification, cable.subject, graph)));
    }

    private static Map<String, Object> elements(Neighbourhood found) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        for (Neighbourhood.Node node : found.nodes()) {
            nodes.add(Map.of("data", Map.of("id", node.cableId(), "url", node.url(), "steps", node.steps(),
                    "level", node.levelClass(), "subject", node.subject() == null ? "" : node.subject())));
        }
        List<Map<String, Object>> edges = new ArrayList<>();
        for (Neighbourhood.Edge edge : found.edges()) {
            edges.add(Map.of("data", Map.of("id", edge.from() + "->" + edge.to(), "source", edge.from(),
                    "target", edge.to())));
        }
        return Map.of("nodes", nodes, "edges", edges);
    }
}
