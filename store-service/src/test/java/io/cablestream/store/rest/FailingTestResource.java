package io.cablestream.store.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test only: an endpoint that fails as a bug would, for the catch-all problem mapper. */
@Path("/test/unexpected-failure")
public class FailingTestResource {

    @GET
    public String fail() {
        throw new IllegalStateException("secret internal detail: connection string jdbc:postgresql://db/cables");
    }
}
