package io.cablestream.store.persistence;

import io.cablestream.events.ParsedCable;
import io.cablestream.store.support.ParsedCableEvents;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.store.support.StoreLoginResource;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.TestDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * store-service logged in as a login of its own, the migrations run as the owner: it stores, replaces and serves
 * cables with the writer's privileges of V9 alone, and that login can change no table, turn off no row-level
 * security and make no role.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(StoreLoginResource.class)
class LeastPrivilegeTest {

    @Test
    void theServiceStoresReplacesAndServesACableAsItsOwnLogin() {
        ParsedCable first = ParsedCableEvents.cable("09LEASTPRIV1", "1.0.0", "FIRST WORDING", "PREL");
        ParsedCable newer = ParsedCableEvents.cable("09LEASTPRIV1", "1.1.0", "NEWER WORDING", "PREL", "ECON");
        ParsedCableEvents.publish(first);
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable WHERE cable_id = ?", first.cableId()) == 1);
        // a newer parser version replaces the row and its child rows: UPDATE and DELETE as well as INSERT
        ParsedCableEvents.publish(newer);
        await().atMost(Duration.ofSeconds(60)).until(() -> StoreDatabase.count(
                "SELECT count(*) FROM cable_tag WHERE cable_id = ?", first.cableId()) == 2);

        given().get("/api/cables/{id}", first.cableId()).then().statusCode(200)
                .body("subject", equalTo("NEWER WORDING"));
    }

    @Test
    void theLoginIsNoOwnerOnlyAWriter() throws SQLException {
        try (Connection login = login(); Statement statement = login.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_user, pg_has_role(current_user, 'cables_writer', 'MEMBER'),"
                     + " (SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication FROM pg_roles WHERE rolname = current_user),"
                     + " (SELECT tableowner FROM pg_tables WHERE tablename = 'cable' AND schemaname = current_schema())")) {
            row.next();
            assertThat(row.getString(1)).isEqualTo(StoreLoginResource.LOGIN);
            assertThat(row.getBoolean(2)).as("a member of cables_writer").isTrue();
            assertThat(row.getBoolean(3)).as("superuser, createrole or createdb").isFalse();
            assertThat(row.getString(4)).as("the tables' owner").isEqualTo(TestDatabase.shared().username());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "DROP TABLE cable",
            "ALTER TABLE cable DISABLE ROW LEVEL SECURITY",
            "ALTER TABLE cable ADD COLUMN smuggled text",
            "TRUNCATE cable_tag",
            "DROP POLICY cable_by_clearance ON cable",
            "CREATE ROLE cables_smuggled LOGIN",
    })
    void theLoginCannotChangeTheSchemaOrItsSecurity(String sql) throws SQLException {
        try (Connection login = login(); Statement statement = login.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                    .hasMessageMatching("(?s).*(must be owner|permission denied).*");
        }
    }

    private static Connection login() throws SQLException {
        return DriverManager.getConnection(TestDatabase.shared().jdbcUrl(), StoreLoginResource.LOGIN,
                StoreLoginResource.PASSWORD);
    }
}
