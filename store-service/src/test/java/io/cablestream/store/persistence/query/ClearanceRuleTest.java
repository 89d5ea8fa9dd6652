package io.cablestream.store.persistence.query;

import io.cablestream.auth.Clearance.Level;
import io.cablestream.auth.Clearance;
import io.cablestream.store.support.StoreDatabase;
import io.cablestream.testkit.KafkaTestResource;
import io.cablestream.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of who may read what is in SQL (V8, for the queries and the row-level security) and in Java (for the
 * portion markings, which the database does not see): both give the same answer for every level and controls of a
 * cable and of a reader. And the release's classifications become the levels and controls they say.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class ClearanceRuleTest {

    static final List<Set<String>> CONTROLS = List.of(Set.of(), Set.of("NOFORN"), Set.of("NODIS"),
            Set.of("NOFORN", "NODIS"), Clearance.CONTROLS);

    @Test
    void sqlAndJavaAgreeOnEveryCombination() {
        List<String> disagreements = new ArrayList<>();
        List<Integer> cableLevels = new ArrayList<>(List.of(0, 1, 2, 3));
        cableLevels.add(null);
        for (Integer cableLevel : cableLevels) {
            for (Set<String> cableControls : CONTROLS) {
                for (Level readerLevel : Level.values()) {
                    for (Set<String> readerControls : CONTROLS) {
                        Clearance reader = new Clearance(readerLevel, readerControls);
                        boolean java = cableLevel == null ? reader.isEverything()
                                : reader.permits(Level.ofRank(cableLevel), cableControls);
                        String sql = StoreDatabase.strings("SELECT cable_visible(?::smallint, ?::text[], ?, ?::text[])",
                                cableLevel, array(cableControls), readerLevel.rank(), array(readerControls)).get(0);
                        if (java != sql.equals("t")) {
                            disagreements.add(cableLevel + " " + cableControls + " / " + reader);
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theReleasesClassificationsAndCaveatsGiveTheirLevelAndControls() {
        assertThat(levelAndControls("SECRET//NOFORN", "{SIPDIS}")).isEqualTo("2 {NOFORN}");
        assertThat(levelAndControls("UNCLASSIFIED//FOR OFFICIAL USE ONLY", "{}")).isEqualTo("0 {FOUO}");
        assertThat(levelAndControls("CONFIDENTIAL", "{CHEROKEE/NODIS,SENSITIVE}")).isEqualTo("1 {FOUO,NODIS}");
        assertThat(levelAndControls("TOP SECRET", "{EXDIS}")).isEqualTo("3 {EXDIS}");
        assertThat(levelAndControls("UNCLASSIFIED", "{SIPDIS}")).isEqualTo("0 {}");
        assertThat(levelAndControls(null, "{}")).isEqualTo("null {}");
    }

    private static String levelAndControls(String classification, String caveats) {
        return StoreDatabase.strings("SELECT coalesce(cable_level(?)::text, 'null') || ' ' || cable_controls(?, ?::text[])::text",
                classification, classification, caveats).get(0);
    }

    private static String array(Set<String> controls) {
        return "{" + String.join(",", new java.util.TreeSet<>(controls)) + "}";
    }
}
