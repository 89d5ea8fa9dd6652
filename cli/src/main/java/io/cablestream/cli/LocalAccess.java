package io.cablestream.cli;

import io.cablestream.auth.Clearance;
import io.cablestream.auth.LocalKeys;
import io.cablestream.auth.LocalTokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * The token the CLI's own calls send: {@code --token}, else {@code CABLES_TOKEN}, else one signed for a few minutes
 * with the local key pair that {@code bin/cables up} made ({@code cables.jwt.dir}, {@code CABLES_JWT_DIR}, default
 * {@code .local/jwt}): the local pipeline's owner may do everything. None when there is neither: the service's
 * 401 then says a token is needed.
 */
final class LocalAccess {

    static final String DEFAULT_DIRECTORY = ".local/jwt";

    private LocalAccess() {
    }

    /** The directory of the local key pair. */
    static Path keyDirectory() {
        String configured = System.getProperty("cables.jwt.dir", System.getenv("CABLES_JWT_DIR"));
        return Path.of(configured == null || configured.isBlank() ? DEFAULT_DIRECTORY : configured);
    }

    /** The token for a call that needs {@code role}, or null. */
    static String token(String explicit, String role) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String environment = System.getenv("CABLES_TOKEN");
        if (environment != null && !environment.isBlank()) {
            return environment;
        }
        Path directory = keyDirectory();
        if (!Files.exists(directory.resolve(LocalKeys.PRIVATE_KEY))) {
            return null;
        }
        return LocalTokens.issue(LocalKeys.ensure(directory), "cables-cli", Set.of(role), Clearance.everything(),
                Duration.ofMinutes(30));
    }
}
