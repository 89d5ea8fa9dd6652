package io.cablestream.auth;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Signed bearer tokens for the local pipeline (RS256 with {@link LocalKeys}): {@code bin/cables token}, the
 * CLI's own calls and the tests. The services accept them when their issuer is {@link #ISSUER} and their key is the
 * local public key, exactly as they accept an OIDC provider's.
 */
public final class LocalTokens {

    /** The {@code iss} of local tokens, and the services' default {@code mp.jwt.verify.issuer}. */
    public static final String ISSUER = "https://cable-stream.local/issuer";

    private LocalTokens() {
    }

    /** A token for {@code subject} with {@code roles} and {@code clearance}, valid for {@code ttl}. */
    public static String issue(LocalKeys keys, String subject, Set<String> roles, Clearance clearance, Duration ttl) {
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalArgumentException("unknown role '" + role + "'; one of " + Roles.ALL);
            }
        }
        return withClaims(keys, subject, roles, clearance.level().label(), List.of(clearance.sortedControls()), ttl);
    }

    /**
     * A token whose clearance claims are the given words, unchecked, as an external provider may send them: for the
     * tests of what the services do with claims they cannot read.
     */
    public static String withClaims(LocalKeys keys, String subject, Set<String> roles, String level,
                                     List<String> controls, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a token's lifetime must be positive: " + ttl);
        }
        return signed(keys, subject, roles, level, controls, Instant.now().plus(ttl));
    }

    /** A token that expired at {@code expiredAt}, in the past: for the tests of what the services do with one. */
    public static String expired(LocalKeys keys, String subject, Set<String> roles, Clearance clearance,
                                 Instant expiredAt) {
        if (!expiredAt.isBefore(Instant.now())) {
            throw new IllegalArgumentException("not in the past: " + expiredAt);
        }
        return signed(keys, subject, roles, clearance.level().label(), List.of(clearance.sortedControls()), expiredAt);
    }

    private static String signed(LocalKeys keys, String subject, Set<String> roles, String level,
                                 List<String> controls, Instant expires) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject(subject);
        claims.setClaim("upn", subject);
        claims.setStringListClaim("groups", List.copyOf(new java.util.TreeSet<>(roles)));
        claims.setClaim(Clearance.LEVEL_CLAIM, level);
        claims.setStringListClaim(Clearance.CONTROLS_CLAIM, controls);
        claims.setIssuedAt(NumericDate.fromSeconds(Math.min(Instant.now().getEpochSecond(),
                expires.getEpochSecond() - 60)));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }
}
