package io.cablestream.store.messaging;

import io.cablestream.events.ParsedCable;
import io.cablestream.store.support.DeadLetterAssertions;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An event of a stored cable at the same parser version but from another text (a forged or mislabelled event) is
 * refused and dead-lettered with both hashes, not ignored as a redelivery; the stored row stays as it was.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ConflictingContentTest {

    static ParsedCable withText(String id, String subject, String sha256) {
        ParsedCable cable = ParsedCableEvents.cable(id, "2.0.0", subject, "PREL");
        return cable.toBuilder().ingest(new ParsedCable.Ingest("ingest-" + sha256.substring(0, 8), sha256,
                Instant.parse("2026-12-02T00:00:00Z"), "test", "UTF-8")).build();
    }

    @Test
    void anotherTextUnderTheSameIdAndParserVersionIsRefused() {
        String first = "a".repeat(64);
        String forged = "b".repeat(64);
        ParsedCableEvents.publish(withText("09PARIS4242", "THE TRUE SUBJECT", first));
        await().atMost(Duration.ofSeconds(30)).until(() -> StoreDatabase.writes("09PARIS4242") == 1);

        ParsedCableEvents.publish(withText("09PARIS4242", "A FORGED SUBJECT", forged));
        DeadLetterAssertions.assertDeadLettered("09PARIS4242", "conflicting content");
        assertThat(StoreDatabase.strings("SELECT reason_detail FROM dead_letter WHERE record_key = ?", "09PARIS4242"))
                .singleElement().asString().contains(first).contains(forged);
        assertThat(StoreDatabase.strings("SELECT subject || ' ' || content_sha256 || ' ' || writes FROM cable"
                + " WHERE cable_id = ?", "09PARIS4242")).containsExactly("THE TRUE SUBJECT " + first + " 1");
    }

    @Test
    void theSameTextAgainIsARedeliveryAndIgnored() {
        String sha = "c".repeat(64);
        ParsedCableEvents.publish(withText("09PARIS4343", "ONCE", sha));
        await().atMost(Duration.ofSeconds(30)).until(() -> StoreDatabase.writes("09PARIS4343") == 1);
        ParsedCableEvents.publish(withText("09PARIS4343", "ONCE", sha), withText("09PARIS4344", "NEXT", sha));
        await().atMost(Duration.ofSeconds(30)).until(() -> StoreDatabase.writes("09PARIS4344") == 1);
        assertThat(StoreDatabase.writes("09PARIS4343")).isEqualTo(1);
        assertThat(StoreDatabase.count("SELECT count(*) FROM dead_letter WHERE record_key = ?", "09PARIS4343")).isZero();
    }
}
