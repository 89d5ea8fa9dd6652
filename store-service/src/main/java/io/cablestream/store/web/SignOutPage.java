package io.cablestream.store.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * Signing out. The local session cookie is removed (a local token, once issued, stays valid until it expires). A
 * session from the provider goes on to quarkus-oidc's logout path, which drops its cookie and ends the reader's
 * session at the provider too (RP-initiated logout), so the provider asks for the password again.
 */
@PermitAll
@Path("/ui/sign-out")
public class SignOutPage {

    static final String PROVIDER_LOGOUT = "/ui/sign-out/provider";

    @POST
    public Response signOut(@Context HttpHeaders headers, @Context UriInfo uri) {
        String next = ProviderSignIn.hasSession(headers) ? PROVIDER_LOGOUT : "/ui/sign-in";
        return Response.seeOther(URI.create(next)).cookie(SessionCookie.cleared(WebPaths.secure(uri))).build();
    }
}
