package io.cablestream.parse.health;

import io.cablestream.parse.messaging.ParsedDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while parsed events wait for a resend because cables.parsed did not take them (broker away, not enough
 * replicas, a record over the topic's max.message.bytes), with the latest error; liveness stays up, since a restart
 * would meet the same broker. Ready again once every one of them is acknowledged.
 */
@Readiness
@ApplicationScoped
public class ParsedPublishingCheck implements HealthCheck {

    private final ParsedDelivery delivery;

    public ParsedPublishingCheck(ParsedDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public HealthCheckResponse call() {
        int waiting = delivery.waiting();
        var response = HealthCheckResponse.named("cables.parsed publishing").status(waiting == 0)
                .withData("waitingForResend", waiting);
        ParsedDelivery.Failure failure = delivery.lastFailure();
        if (waiting > 0 && failure != null) {
            response.withData("lastError", failure.error()).withData("lastCable", failure.cableId())
                    .withData("lastErrorAt", failure.at().toString());
        }
        return response.build();
    }
}
