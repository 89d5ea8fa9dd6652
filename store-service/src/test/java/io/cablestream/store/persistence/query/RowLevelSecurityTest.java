package io.cablestream.store.persistence.query;

import io.cablestream.auth.Clearance;
import io.cablestream.events.ParsedCable;
import io.cablestream.parser.CableParser;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The second line of defence: a query that forgets the clearance filter, run the way the query API runs every
 * read, still sees nothing above the reader's clearance, because PostgreSQL's row-level security filters it.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RowLevelSecurityTest {

    static final String SECRET = "09KUWAIT760";
    static final String CONFIDENTIAL = "03RANGOON1452";

    @Inject
    ClearedReads reads;

    @BeforeAll
    static void storeACableAtEachLevel() throws Exception {
        List<ParsedCable> cables = new ArrayList<>();
        for (String id : List.of(SECRET, CONFIDENTIAL)) {
            try (var in = RowLevelSecurityTest.class.getResourceAsStream("/corpus/cables/" + id + ".txt")) {
                cables.add(new CableParser().parse(in.readAllBytes(), null, id + ".txt"));
            }
        }
        assertThat(cables.get(0).classification()).startsWith("SECRET");
        assertThat(cables.get(0).tags()).isNotEmpty();
        ParsedCableEvents.publish(cables.toArray(new ParsedCable[0]));
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable_search WHERE cable_id IN (?, ?)", SECRET, CONFIDENTIAL) == 2);
    }

    /** The same unfiltered statement, as the API's reader role with the given clearance. */
    List<String> unfiltered(Clearance clearance, String sql) {
        return reads.call(clearance, () -> {
            try (Connection connection = reads.connection();
                 PreparedStatement select = connection.prepareStatement(sql);
                 ResultSet rows = select.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void anUnfilteredQueryOfEveryTableSeesNothingAboveTheClearance() {
        Clearance confidential = Clearance.of("CONFIDENTIAL", Set.of());
        for (String table : List.of("cable", "cable_tag", "cable_reference", "cable_recipient", "cable_search")) {
            String sql = "SELECT DISTINCT cable_id FROM " + table;
            assertThat(StoreDatabase.strings(sql)).as("the owner sees all of " + table).contains(SECRET);
            assertThat(unfiltered(confidential, sql)).as(table).doesNotContain(SECRET);
            assertThat(unfiltered(Clearance.of("SECRET", Set.of()), sql)).as(table).contains(SECRET);
        }
        assertThat(unfiltered(confidential, "SELECT cable_id FROM cable")).contains(CONFIDENTIAL);
        assertThat(unfiltered(confidential, "SELECT DISTINCT coalesce(clearance_level, -1)::text FROM cable"))
                .isSubsetOf("0", "1");
        assertThat(unfiltered(confidential, "SELECT cable_id FROM cable WHERE classification LIKE 'SECRET%'")).isEmpty();
    }

    @Test
    void theReaderRoleCannotWriteNorLeaveItsRole() {
        Clearance everything = Clearance.everything();
        assertThatThrownBy(() -> unfiltered(everything, "DELETE FROM cable RETURNING cable_id"))
                .hasStackTraceContaining("read-only transaction");
        assertThatThrownBy(() -> unfiltered(everything, "SELECT cable_id FROM cable_search_pending"))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void aReadOutsideAClearedTransactionFails() {
        assertThatThrownBy(() -> reads.connection()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside ClearedReads.call");
    }
}
