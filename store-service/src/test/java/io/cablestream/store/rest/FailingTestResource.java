package io.cablestream.store.rest;

import io.cablestream.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test only: an endpoint that fails as a bug would, for the catch-all problem mapper. */
@RolesAllowed(Roles.READER)
@Path("/test/unexpected-failure")
public class FailingTestResource {

    @GET
    public String fail() {
        throw new IllegalStateException("secret internal detail: connection string jdbc:postgresql://db/cables");
    }
}
