package io.cablestream.store.persistence.write;

import io.cablestream.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class CommitDurabilityTest {

    @Test
    void theTestDatabaseKeepsWhatItConfirmed() throws Exception {
        // the embedded server's library turns synchronous_commit off; TestDatabase turns it back on
        try (Connection connection = TestDatabase.shared().connect()) {
            assertThat(CommitDurability.risk(connection)).isEmpty();
        }
    }

    @Test
    void asynchronousCommitsAreNamedAsARisk() throws Exception {
        try (Connection connection = TestDatabase.shared().connect();
             Statement statement = connection.createStatement()) {
            statement.execute("SET synchronous_commit = off");
            assertThat(CommitDurability.risk(connection)).hasValueSatisfying(
                    why -> assertThat(why).contains("synchronous_commit=off", "cables.parsed"));
        }
    }
}
