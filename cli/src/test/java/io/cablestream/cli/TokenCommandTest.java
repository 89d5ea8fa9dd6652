package io.cablestream.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code cables token}: the key pair made on first use, tokens with the roles and clearance asked for. */
class TokenCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setProperty("cables.jwt.dir", dir.resolve("jwt").toString());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            int exit = new CommandLine(new CablesCli()).execute(args);
            return exit + " " + captured.toString(StandardCharsets.UTF_8).trim();
        } finally {
            System.setOut(out);
            System.clearProperty("cables.jwt.dir");
        }
    }

    @Test
    void initMakesTheKeyPairAndPrintsThePublicKey() {
        String answer = run("token", "--init");
        assertThat(answer).startsWith("0 ").endsWith("public.pem");
        assertThat(Files.exists(dir.resolve("jwt/private.pem"))).isTrue();
    }

    @Test
    void aTokenCarriesTheRolesClearanceAndCaveats() {
        String answer = run("token", "--roles", "reader,operator", "--clearance", "SECRET", "--caveats", "NOFORN",
                "--subject", "analyst", "--ttl", "30m");
        assertThat(answer).startsWith("0 ");
        String payload = new String(Base64.getUrlDecoder().decode(answer.substring(2).split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(payload).contains("\"groups\":[\"operator\",\"reader\"]", "\"clearance\":\"SECRET\"",
                "\"caveats\":[\"NOFORN\"]", "\"sub\":\"analyst\"");
        assertThat(run("token", "--roles", "reader", "--caveats", "ALL")).contains(".");
    }

    @Test
    void badArgumentsAreRefused() {
        assertThat(run("token")).startsWith("2");
        assertThat(run("token", "--roles", "admin")).startsWith("2");
        assertThat(run("token", "--roles", "reader", "--ttl", "forever")).startsWith("2");
    }
}
