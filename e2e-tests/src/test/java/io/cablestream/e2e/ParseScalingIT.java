package io.cablestream.e2e;

import io.cablestream.events.ParsedCable;
import io.cablestream.parser.CableParser;
import io.cablestream.testkit.CableFeed;
import io.cablestream.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two parse-service instances share cables.raw; one is killed with SIGKILL halfway. The survivor takes over
 * its partitions and redoes what it had not committed: every cable is stored exactly once, and no lag is left.
 */
class ParseScalingIT {

    private static final int CABLES = 5_000;

    @Test
    void killedParserLosesAndDoublesNothing() throws Exception {
        Path root = Path.of(System.getProperty("cables.repo.root", "..")).toAbsolutePath().normalize();
        List<byte[]> cables = CableFeed.cables(root, CABLES);
        CableParser parser = new CableParser();
        Set<String> expectedIds = cables.stream().map(parser::parse).map(ParsedCable::cableId)
                .filter(Objects::nonNull).collect(Collectors.toSet());

        try (Pipeline pipeline = Pipeline.start(2)) {
            RawTopic.publish(cables);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> storedOf(expectedIds) >= expectedIds.size() / 10);
            pipeline.parsers.get(0).kill();
            long storedAtKill = storedOf(expectedIds);
            assertThat(storedAtKill).as("the kill came before the end").isLessThan(expectedIds.size());

            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> storedOf(expectedIds) == expectedIds.size());
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                    .until(RawTopic::drained);

            // a cable the killed parser had parsed but not committed is parsed again: the store must not rewrite it
            assertThat(query("SELECT count(*) FROM cable WHERE cable_id = ANY (?) AND writes <> 1", expectedIds))
                    .as("cables written more than once").isZero();
            System.out.printf("ParseScalingIT: %d cables, %d distinct ids, %d stored at the kill, all stored once%n",
                    cables.size(), expectedIds.size(), storedAtKill);
        }
    }

    /** Distinct expected cables in the store. */
    private static long storedOf(Set<String> ids) throws Exception {
        return query("SELECT count(DISTINCT cable_id) FROM cable WHERE cable_id = ANY (?)", ids);
    }

    private static long query(String sql, Set<String> ids) throws Exception {
        try (Connection connection = TestDatabase.shared().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Records of the topic that the group has not committed yet, over all partitions. */
}
