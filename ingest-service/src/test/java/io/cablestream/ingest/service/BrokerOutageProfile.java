package io.cablestream.ingest.service;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A dedicated broker that the test stops, a spool directory, and producer timeouts short enough to wait for. */
public class BrokerOutageProfile implements QuarkusTestProfile {

    static final Path SPOOL = temporaryFolder();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "cables.ingest.spool.directory", SPOOL.toString(),
                "cables.ingest.spool.poll-interval", "200ms",
                "cables.ingest.publish-timeout", "6s",
                "cables.ingest.retry-after-seconds", "1",
                "mp.messaging.outgoing.cables-raw.delivery.timeout.ms", "3000",
                "mp.messaging.outgoing.cables-raw.request.timeout.ms", "1000",
                "mp.messaging.outgoing.cables-raw.max.block.ms", "2000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DedicatedKafkaResource.class));
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("ingest-outage-spool-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
