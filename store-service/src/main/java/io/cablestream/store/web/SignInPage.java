package io.cablestream.store.web;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.time.Instant;

/**
 * Signing in with the local token flow: the user pastes a token ({@code bin/cables token ...}), which is verified
 * as the API verifies one and then kept in the {@link SessionCookie}. With an OIDC provider configured, the page
 * also offers {@link ProviderSignIn}, the authorization code flow.
 */
@PermitAll
@Path("/ui/sign-in")
@Produces(MediaType.TEXT_HTML)
public class SignInPage {

    private final JWTParser parser;

    public SignInPage(JWTParser parser) {
        this.parser = parser;
    }

    @GET
    public TemplateInstance form(@QueryParam("next") String next) {
        return Pages.signIn(Viewer.ANONYMOUS, null, WebPaths.safeNext(next));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("token") String token, @FormParam("next") String next, @Context UriInfo uri) {
        String pasted = token == null ? "" : token.strip();
        JsonWebToken verified;
        try {
            verified = parser.parse(pasted);
        } catch (ParseException | RuntimeException e) {
            // why it failed stays out of the page and the log line: the token itself must not be echoed anywhere
            return WebErrorPages.html(401, Pages.signIn(Viewer.ANONYMOUS,
                    "That token is not valid here: expired, malformed, or not signed by this deployment's issuer.",
                    WebPaths.safeNext(next)));
        }
        return Response.seeOther(URI.create(WebPaths.safeNext(next)))
                .cookie(SessionCookie.of(pasted, Instant.ofEpochSecond(verified.getExpirationTime()),
                        WebPaths.secure(uri)))
                .build();
    }
}
