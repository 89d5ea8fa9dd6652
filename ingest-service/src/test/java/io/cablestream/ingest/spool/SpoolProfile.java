package io.cablestream.ingest.spool;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The service with its spool directory on, in a fresh temporary folder, scanned every 200 ms. */
public class SpoolProfile implements QuarkusTestProfile {

    static final Path ROOT = temporaryFolder();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("cables.ingest.spool.directory", ROOT.toString(), "cables.ingest.spool.poll-interval", "200ms");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ingest-spool-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
