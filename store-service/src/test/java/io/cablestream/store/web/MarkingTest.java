package io.cablestream.store.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Colours by level, read as the store reads levels for clearance. */
class MarkingTest {

    @Test
    void aCablesClassificationIsColouredByItsLevel() {
        assertThat(Marking.ofClassification("SECRET//NOFORN")).isEqualTo("level-secret");
        assertThat(Marking.ofClassification("TOP SECRET")).isEqualTo("level-top-secret");
        assertThat(Marking.ofClassification("UNCLASSIFIED//FOR OFFICIAL USE ONLY")).isEqualTo("level-unclassified");
        assertThat(Marking.ofClassification("LIMITED OFFICIAL USE")).isEqualTo("level-unknown");
        assertThat(Marking.ofClassification(null)).isEqualTo("level-unknown");
    }

    /** The marking forms the portion reads know, single slash too (S/NF), as drafters wrote them. */
    @Test
    void aPortionMarkingIsColouredByItsLevel() {
        assertThat(Marking.ofPortion("S/NF")).isEqualTo("level-secret");
        assertThat(Marking.ofPortion("C//NOFORN")).isEqualTo("level-confidential");
        assertThat(Marking.ofPortion("SBU")).isEqualTo("level-unclassified");
        assertThat(Marking.ofPortion("TS")).isEqualTo("level-top-secret");
        assertThat(Marking.ofPortion("X")).isEqualTo("level-unknown");
    }
}
