package io.cablestream.store.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/** Signing out: the session cookie is removed (a token, once issued, stays valid until it expires). */
@PermitAll
@Path("/ui/sign-out")
public class SignOutPage {

    @POST
    public Response signOut(@Context UriInfo uri) {
        return Response.seeOther(URI.create("/ui/sign-in")).cookie(SessionCookie.cleared(WebPaths.secure(uri))).build();
    }
}
