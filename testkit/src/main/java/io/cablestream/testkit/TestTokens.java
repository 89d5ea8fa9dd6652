package io.cablestream.testkit;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.LocalKeys;
import io.cablestream.auth.LocalTokens;
import io.cablestream.auth.Roles;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens for the services under test, signed by a test key pair under the temporary directory (the same
 * files for every test JVM and service process of a build, made on first use). The services' {@code %test}
 * profile and {@link #serviceEnvironment()} point their verification at its public key.
 */
public final class TestTokens {

    /** Where the test key pair lives; the services' {@code %test.mp.jwt.verify.publickey.location} names it too. */
    public static final Path KEY_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "cable-stream-test-jwt");
    private static final LocalKeys KEYS = LocalKeys.ensure(KEY_DIRECTORY);

    private TestTokens() {
    }

    /** A token with these roles and clearance, valid for an hour. */
    public static String token(String subject, Set<String> roles, Clearance clearance) {
        return LocalTokens.issue(KEYS, subject, roles, clearance, Duration.ofHours(1));
    }

    /** A token whose clearance claims are these words, unchecked ({@link LocalTokens#withClaims}). */
    public static String withClaims(String subject, Set<String> roles, String level, java.util.List<String> controls) {
        return LocalTokens.withClaims(KEYS, subject, roles, level, controls, Duration.ofHours(1));
    }

    /** A token of these roles and clearance that expired ten minutes ago. */
    public static String expired(String subject, Set<String> roles, Clearance clearance) {
        return LocalTokens.expired(KEYS, subject, roles, clearance, java.time.Instant.now().minusSeconds(600));
    }

    /** Every role, cleared for everything: what a test that is not about security sends. */
    public static String everything() {
        return token("test-operator", Roles.ALL, Clearance.everything());
    }

    /** A reader cleared to {@code level} with {@code controls}. */
    public static String reader(String level, String... controls) {
        return token("test-reader-" + level.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'), Set.of(Roles.READER),
                Clearance.of(level, Set.of(controls)));
    }

    /** The {@code Authorization} header value for {@code token}. */
    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** The environment that makes a service process verify the test tokens. */
    public static Map<String, String> serviceEnvironment() {
        return Map.of("CABLES_JWT_PUBLIC_KEY_LOCATION", KEYS.publicKeyFile().toString(),
                "CABLES_JWT_ISSUER", LocalTokens.ISSUER);
    }
}
