package io.cablestream.e2e;

import io.cablestream.load.FaultMatrix;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fault matrix at CI size: cables streaming at a fixed rate through the services as separate processes (their
 * own broker and embedded PostgreSQL) while each service is killed with SIGKILL, the broker and PostgreSQL crash and
 * restart, and ingest stops while spool files arrive, all in turn in one run. Counted from the
 * clients' acknowledgements against the store's write counter and the SHA-256 of every stored text: nothing
 * acknowledged may be lost, written twice or changed. The full matrix (a run per fault, 20,000 cables each) is
 * {@code java -jar load-harness/target/load-harness.jar faults}.
 */
class FaultMatrixIT {

    @Test
    @SuppressWarnings("unchecked")
    void everyAcknowledgedCableIsStoredOnceThroughEveryFault() {
        Path root = Path.of(System.getProperty("cables.repo.root", "..")).toAbsolutePath().normalize();
        FaultMatrix matrix = new FaultMatrix();
        // the feed (8,000 cables at 40/s: 200 s) outlasts the six faults and their recoveries (~190 s, the store
        // kill's ~50 s being the broker's session timeout for the dead member), so every fault meets traffic
        int exit = new CommandLine(matrix).execute("--repo", root.toString(), "--cables", "8000", "--rate", "40",
                "--no-each", "--faults", "all", "--results", root.resolve("e2e-tests/target").toString());

        List<Map<String, Object>> rows = (List<Map<String, Object>>) matrix.result().get("rows");
        assertThat(rows).extracting(row -> row.get("fault")).containsExactly("kill-ingest", "kill-parse",
                "kill-store", "restart-broker", "restart-postgres", "stop-ingest", "total");
        for (Map<String, Object> row : rows) {
            assertThat(((Number) row.get("acknowledged")).longValue()).as("%s acknowledged", row).isPositive();
            assertThat(row.get("stored")).as("%s stored", row).isEqualTo(row.get("acknowledged"));
            assertThat(FaultMatrix.clean(row)).as("%s lost, twice, changed or rejected", row).isTrue();
            if (!row.get("fault").equals("total")) {
                // the first cable sent after the fault was stored: the pipeline came back
                assertThat(row.get("time_to_recover_s")).as("%s recovered", row).isNotNull();
            }
        }
        Map<String, Object> total = rows.get(rows.size() - 1);
        long fed = ((Number) ((Map<String, Object>) matrix.result().get("options")).get("cables")).longValue();
        assertThat(((Number) total.get("sent")).longValue()).as("every cable of the feed sent").isEqualTo(fed);
        assertThat(total.get("sha_disagreements")).as("the feed is in ingest's normal form").isEqualTo(0L);
        // the client met the outages (connection refused, 503) and retried through them
        assertThat((Long) total.get("client_retries")).isPositive();
        assertThat(exit).isZero();
    }
}
