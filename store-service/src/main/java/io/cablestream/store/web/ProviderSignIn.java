package io.cablestream.store.web;

import io.quarkus.qute.TemplateGlobal;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.URI;

/**
 * Signing in through the deployment's OIDC provider (authorization code flow), beside the local token flow of
 * {@link SignInPage}. quarkus-oidc does the work: this path needs its {@code code} mechanism
 * (application.properties), which sends the browser to the provider's login page, takes the code back, verifies the
 * provider's ID token and keeps the session in its encrypted cookie on {@code /ui}. Every page after that reads the
 * reader's groups and clearance claims from that ID token, as from a local token.
 */
@Path("/ui/sign-in/provider")
public class ProviderSignIn {

    /**
     * The prefix of quarkus-oidc's session cookies, present only after a provider sign-in: {@code q_session}, or
     * {@code q_session_chunk_1}, {@code _2} ... when the encrypted tokens outgrow one cookie.
     */
    static final String SESSION_COOKIE = "q_session";

    /** Reached once the provider has signed the reader in: on to the page they asked for. */
    @GET
    @Authenticated
    public Response signedIn(@QueryParam("next") String next) {
        return Response.seeOther(URI.create(WebPaths.safeNext(next))).build();
    }

    /** Whether the request comes with a session from the provider. */
    static boolean hasSession(HttpHeaders headers) {
        return headers.getCookies().keySet().stream().anyMatch(name -> name.startsWith(SESSION_COOKIE));
    }

    /** Whether the sign-in page offers the provider ({@code CABLES_OIDC_ENABLED}). */
    @TemplateGlobal
    public static boolean providerSignIn() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.tenant-enabled", Boolean.class).orElse(false);
    }
}
