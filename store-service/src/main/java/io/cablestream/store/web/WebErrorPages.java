package io.cablestream.store.web;

import io.cablestream.problem.AuthenticationProblemMapper;
import io.cablestream.problem.ForbiddenProblemMapper;
import io.cablestream.problem.UnexpectedErrorMapper;
import io.cablestream.store.rest.BadParameterException;
import io.cablestream.store.rest.BadParameterMapper;
import io.cablestream.store.security.ReaderClearance;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;
import java.util.function.Function;

/**
 * Errors on a {@code /ui} page as HTML pages a person can read: not signed in (the sign-in form, then back to the
 * page), a role the token lacks, a bad search parameter, an unknown page, a failure. Ahead of the shared problem+json mappers
 * (a higher priority), and handing every other path to them, so the API's errors stay RFC 9457 bodies.
 */
public class WebErrorPages {

    private static final Logger LOG = Logger.getLogger(WebErrorPages.class);
    private static final int BEFORE_PROBLEM_MAPPERS = Priorities.USER - 100;

    private final CurrentIdentityAssociation identities;

    public WebErrorPages(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Response anonymous(UnauthorizedException e, UriInfo uri) {
        if (!isPage(uri)) {
            return new AuthenticationProblemMapper.Anonymous().toResponse(e);
        }
        return html(401, Pages.signIn(Viewer.ANONYMOUS, null, next(uri)));
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Response failed(AuthenticationFailedException e, UriInfo uri) {
        if (!isPage(uri)) {
            return new AuthenticationProblemMapper.Failed().toResponse(e);
        }
        // an expired or foreign token in the cookie: drop it and ask for a new one
        return Response.status(401).type(MediaType.TEXT_HTML_TYPE)
                .entity(Pages.signIn(Viewer.ANONYMOUS, "Your session has expired or its token is not valid here;"
                        + " sign in again.", next(uri)).render())
                .cookie(SessionCookie.cleared(WebPaths.secure(uri))).build();
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Uni<Response> forbidden(ForbiddenException e, UriInfo uri) {
        if (!isPage(uri)) {
            return Uni.createFrom().item(new ForbiddenProblemMapper().toResponse(e));
        }
        return page(403, viewer -> Pages.error(viewer, 403, "Not for your role",
                "This page needs a role your token does not have (the pipeline status is for operators)."));
    }

    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Uni<Response> badParameter(BadParameterException e, UriInfo uri) {
        if (!isPage(uri)) {
            return Uni.createFrom().item(new BadParameterMapper().toResponse(e));
        }
        return page(400, viewer -> Pages.error(viewer, 400, "A search field does not read",
                "The field " + e.getMessage() + ". Go back and correct it."));
    }

    /** An unknown page, another HTTP error, or a failure: a page; a failure's stack only in the log. */
    @ServerExceptionMapper(priority = BEFORE_PROBLEM_MAPPERS)
    public Uni<Response> unexpected(Throwable e, UriInfo uri) {
        if (!isPage(uri)) {
            return Uni.createFrom().item(new UnexpectedErrorMapper().toResponse(e));
        }
        if (e instanceof NotFoundException) {
            return page(404, viewer -> Pages.error(viewer, 404, "No such page", "There is no page at this address."));
        }
        if (e instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return page(status.getStatusCode(), viewer -> Pages.error(viewer, status.getStatusCode(),
                    status.getReasonPhrase(), "This page cannot answer that request."));
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error on a UI page, reference %s", reference);
        return page(500, viewer -> Pages.error(viewer, 500, "Something went wrong",
                "The page could not be made; the service's log has the details under reference " + reference + "."));
    }

    /**
     * An error page whose header shows the signed-in reader, as every other page does. The identity is asked for
     * without blocking: an unknown page or method is answered on the I/O thread, before any resource runs.
     */
    private Uni<Response> page(int status, Function<Viewer, TemplateInstance> page) {
        return identities.getDeferredIdentity().map(identity -> html(status, page.apply(viewer(identity))));
    }

    private static Viewer viewer(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Viewer.ANONYMOUS;
        }
        try {
            return Viewer.of(token, new ReaderClearance(token));
        } catch (ForbiddenException e) {
            // clearance claims that do not read: the page says so, and names no clearance
            return Viewer.ANONYMOUS;
        }
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    private static boolean isPage(UriInfo uri) {
        String path = uri.getPath();
        return path.equals("/ui") || path.startsWith("/ui/");
    }

    private static String next(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return WebPaths.safeNext(uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query));
    }
}
