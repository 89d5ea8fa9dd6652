package io.cablestream.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTokensTest {

    @TempDir
    Path dir;

    @Test
    void aTokenIsSignedByThePrivateKeyAndCarriesRolesAndClearance() throws Exception {
        LocalKeys keys = LocalKeys.ensure(dir.resolve("jwt"));
        String token = LocalTokens.issue(keys, "analyst", Set.of(Roles.READER),
                Clearance.of("secret", Set.of("noforn")), Duration.ofHours(1));

        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"groups\":[\"reader\"]", "\"clearance\":\"SECRET\"",
                "\"caveats\":[\"NOFORN\"]", "\"sub\":\"analyst\"", "\"iss\":\"" + LocalTokens.ISSUER + "\"");
        // verified with the public key alone, as a service does
        String pem = Files.readString(keys.publicKeyFile()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))));
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void theKeysAreMadeOnceAndThePrivateKeyIsTheOwnersAlone() throws Exception {
        LocalKeys first = LocalKeys.ensure(dir);
        String publicKey = Files.readString(first.publicKeyFile());
        LocalKeys again = LocalKeys.ensure(dir);
        assertThat(Files.readString(again.publicKeyFile())).isEqualTo(publicKey);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(first.privateKeyFile())))
                .isEqualTo("rw-------");
    }

    @Test
    void unknownRolesLevelsAndControlsAreRefused() {
        LocalKeys keys = LocalKeys.ensure(dir);
        assertThatThrownBy(() -> LocalTokens.issue(keys, "x", Set.of("admin"), Clearance.everything(), Duration.ofMinutes(1)))
                .hasMessageContaining("unknown role 'admin'");
        assertThatThrownBy(() -> Clearance.of("COSMIC", Set.of())).hasMessageContaining("unknown clearance level");
        assertThatThrownBy(() -> Clearance.of("SECRET", Set.of("SIPDIS"))).hasMessageContaining("unknown control 'SIPDIS'");
        assertThat(Clearance.of("top_secret", Clearance.CONTROLS).isEverything()).isTrue();
        assertThat(Clearance.of("SECRET", Clearance.CONTROLS).isEverything()).isFalse();
    }
}
