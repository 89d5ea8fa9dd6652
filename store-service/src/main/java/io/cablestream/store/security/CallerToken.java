package io.cablestream.store.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.cdi.NullJsonWebToken;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's verified token, whichever mechanism verified it: smallrye-jwt for a bearer header or the local
 * sign-in cookie, quarkus-oidc for a session from the provider's code flow. Both put the token in the identity as
 * its principal (the ID token for a code-flow session), but quarkus-oidc's own {@code JsonWebToken} producer, which
 * outranks smallrye-jwt's, only knows its own identities and yields an empty token for every other one; this one
 * outranks both.
 */
@RequestScoped
public class CallerToken {

    private final SecurityIdentity identity;

    public CallerToken(SecurityIdentity identity) {
        this.identity = identity;
    }

    @Produces
    @RequestScoped
    @Alternative
    @Priority(10)
    JsonWebToken token() {
        return identity.getPrincipal() instanceof JsonWebToken token ? token : new NullJsonWebToken();
    }

    /**
     * The token to send on the caller's behalf to another service: the provider's access token for a code-flow
     * session (its ID token is meant for this client alone), otherwise the bearer token the caller sent.
     */
    public String forwardable() {
        AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
        return access != null ? access.getToken() : token().getRawToken();
    }
}
