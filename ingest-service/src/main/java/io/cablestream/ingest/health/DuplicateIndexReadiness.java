package io.cablestream.ingest.health;

import io.cablestream.ingest.messaging.DuplicateIndex;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the hashes of cables.raw are read back: before that a duplicate could not be recognised. */
@Readiness
@ApplicationScoped
public class DuplicateIndexReadiness implements HealthCheck {

    private final DuplicateIndex index;

    public DuplicateIndexReadiness(DuplicateIndex index) {
        this.index = index;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("duplicate-index")
                .status(index.loaded())
                .withData("cables", index.size())
                .build();
    }
}
