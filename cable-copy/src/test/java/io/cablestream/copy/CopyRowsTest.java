package io.cablestream.copy;

import org.junit.jupiter.api.Test;

import io.cablestream.testkit.TestDatabase;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The COPY text the store and the load harness send, and what PostgreSQL makes of it. */
class CopyRowsTest {

    @Test
    void textEscapesWhatCopySplitsOnAndWritesNullAsBackslashN() {
        CopyRows rows = new CopyRows("COPY t (a, b, c, d) FROM STDIN")
                .row("09PARIS\t1040", 3, null, "a\\b\r\nc ¶ é");
        assertThat(rows.text()).isEqualTo("09PARIS\\t1040\t3\t\\N\ta\\\\b\\r\\nc ¶ é\n");
        assertThat(rows.rows()).isEqualTo(1);
    }

    @Test
    void bytesAreEscapedAsTheyAreAndNulBecomesTheReplacementCharacter() {
        byte[] body = "a\tb\\c\r\nd\0e ¶ é".getBytes(StandardCharsets.UTF_8);
        CopyRows rows = new CopyRows("COPY bare (id, body) FROM STDIN").row("id\t1", body).row("x\0y", new byte[0]);
        assertThat(rows.text()).isEqualTo("id\\t1\ta\\tb\\\\c\\r\\nd\uFFFDe ¶ é\nx\uFFFDy\t\n");
        assertThat(rows.rows()).isEqualTo(2);
    }

    @Test
    void aRowLargerThanTheBufferGrowsIt() {
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) '\n');
        CopyRows rows = new CopyRows("COPY bare (id, body) FROM STDIN").row("big", big);
        assertThat(rows.text()).hasSize("big\t".length() + 2 * big.length + 1);
    }

    @Test
    void rowsReachPostgresqlAsTheyWere() throws Exception {
        try (Connection connection = TestDatabase.shared().connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TEMP TABLE copied (id text, n int, note text, body text)");
            CopyRows rows = new CopyRows("COPY copied (id, n, note, body) FROM STDIN")
                    .row("09PARIS1040", 1, null, "tab\there\\ new\nline\r é".getBytes(StandardCharsets.UTF_8))
                    .row("10NUL1", 2, "a\\b", "x\0y");
            assertThat(rows.sendTo(connection)).isEqualTo(2);
            assertThat(rows.rows()).as("sent rows are gone").isZero();
            try (ResultSet row = statement.executeQuery("SELECT id, n, note, body FROM copied ORDER BY n")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("09PARIS1040");
                assertThat(row.getString(3)).isNull();
                assertThat(row.getString(4)).isEqualTo("tab\there\\ new\nline\r é");
                assertThat(row.next()).isTrue();
                assertThat(row.getString(3)).isEqualTo("a\\b");
                assertThat(row.getString(4)).isEqualTo("x\uFFFDy");
            }
        }
    }

    @Test
    void noRowsSendNothing() throws Exception {
        assertThat(new CopyRows("COPY t (a) FROM STDIN").sendTo((Connection) null)).isZero();
    }
}
