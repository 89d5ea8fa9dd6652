package io.cablestream.ingest.hostile;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The service as configured, with a spool folder, and a few limits lowered so that the tests that reach them
 * stay small: 500 items per batch, 500 entries per archive, 8 MiB decompressed per body, 1,000 hashes in the
 * duplicate index, and a 2 s idle and read timeout for the slow client.
 */
public class HostileInputProfile implements QuarkusTestProfile {

    static final Path SPOOL = temporaryFolder();
    static final int MAX_BATCH_ITEMS = 500;
    static final int MAX_ARCHIVE_ENTRIES = 500;
    static final long MAX_DECOMPRESSED_BYTES = 8L * 1024 * 1024;
    static final int INDEX_CAPACITY = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cables.ingest.spool.directory", SPOOL.toString(),
                "cables.ingest.spool.poll-interval", "200ms",
                "cables.ingest.max-batch-items", String.valueOf(MAX_BATCH_ITEMS),
                "cables.ingest.max-archive-entries", String.valueOf(MAX_ARCHIVE_ENTRIES),
                "cables.ingest.max-decompressed-bytes", String.valueOf(MAX_DECOMPRESSED_BYTES),
                "cables.ingest.duplicate-index.capacity", String.valueOf(INDEX_CAPACITY),
                "quarkus.http.idle-timeout", "2s",
                "quarkus.http.read-timeout", "2s");
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ingest-hostile-spool-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
