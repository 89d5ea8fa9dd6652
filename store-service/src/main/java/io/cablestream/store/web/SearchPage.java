package io.cablestream.store.web;

import io.cablestream.auth.Roles;
import io.cablestream.store.persistence.query.CablePage;
import io.cablestream.store.persistence.query.CableQuery;
import io.cablestream.store.persistence.query.CableSearch;
import io.cablestream.store.persistence.query.ClearedReads;
import io.cablestream.store.rest.CableListParameters;
import io.cablestream.store.security.ReaderClearance;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.util.Map;

/**
 * The search page: a GET form whose fields are {@code GET /api/cables}'s parameters, parsed and queried by the same
 * code within the reader's clearance, so a search is a link that can be shared (and reads the same for another
 * reader only as far as their clearance allows).
 */
@RolesAllowed(Roles.READER)
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
public class SearchPage {

    private final CableSearch search;
    private final CableListParameters parameters;
    private final ClearedReads reads;
    private final ReaderClearance reader;
    private final JsonWebToken token;

    public SearchPage(CableSearch search, CableListParameters parameters, ClearedReads reads, ReaderClearance reader,
                      JsonWebToken token) {
        this.search = search;
        this.parameters = parameters;
        this.reads = reads;
        this.reader = reader;
        this.token = token;
    }

    @GET
    public Response home() {
        return Response.seeOther(URI.create(WebPaths.HOME)).build();
    }

    @GET
    @Path("/cables")
    public TemplateInstance search(@QueryParam("q") String q, @QueryParam("tag") String tag,
                                   @QueryParam("origin") String origin,
                                   @QueryParam("classification") String classification,
                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("sort") String sort, @QueryParam("limit") String limit,
                                   @QueryParam("cursor") String cursor) {
        CableQuery query = parameters.parse(tag, origin, classification, from, to, q, sort, limit, cursor);
        Map<String, String> fields = SearchView.fields(q, tag, origin, classification, from, to, sort, limit);
        SearchView view = reads.call(reader.get(), () -> {
            CablePage page = search.find(query);
            return new SearchView(fields, search.count(query), page.items(),
                    SearchView.nextPage(fields, page.nextCursor()));
        });
        return Pages.search(Viewer.of(token, reader), view);
    }
}
