package io.cablestream.ingest.service;

import io.cablestream.testkit.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** A broker of its own for a test that stops it, so the other tests' shared broker is never disturbed. */
public class DedicatedKafkaResource implements QuarkusTestResourceLifecycleManager {

    static KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.dedicated();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
    }

    @Override
    public void stop() {
        broker.close();
    }
}
