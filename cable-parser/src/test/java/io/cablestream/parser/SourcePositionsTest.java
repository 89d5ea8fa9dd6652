package io.cablestream.parser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Line breaks inserted into the text (glued fields moved to lines of their own) are kept as the breaks alone; the
 * positions they give are those of a position per character, also once a later step changes the text.
 */
class SourcePositionsTest {

    /** "AB|CDE|FG" from "ABCDEFG": breaks before characters 2 and 5. */
    private static final int[] BREAKS = {2, 5};
    private static final int[] PER_CHARACTER = {0, 1, 2, 2, 3, 4, 5, 5, 6, 7};

    @Test
    void insertedBreaksGiveThePositionsOfAPositionPerCharacter() {
        SourcePositions kept = new SourcePositions();
        kept.followInsertions(BREAKS.clone(), 2, 7);
        SourcePositions perCharacter = new SourcePositions();
        perCharacter.follow(PER_CHARACTER.clone());

        for (int i = -1; i <= 11; i++) {
            assertThat(kept.of(i)).as("position %d", i).isEqualTo(perCharacter.of(i));
            assertThat(kept.endOf(i)).as("end %d", i).isEqualTo(perCharacter.endOf(i));
        }
    }

    @Test
    void aStepAfterTheBreaksIsComposedWithThem() {
        // the next step drops output character 0 (markup): its output j was its input j + 1
        int[] dropFirst = {1, 2, 3, 4, 5, 6, 7, 8, 9};
        SourcePositions kept = new SourcePositions();
        kept.followInsertions(BREAKS.clone(), 2, 7);
        kept.follow(dropFirst);

        for (int j = 0; j < dropFirst.length; j++) {
            assertThat(kept.of(j)).as("position %d", j).isEqualTo(PER_CHARACTER[j + 1]);
        }
    }

    @Test
    void breaksAfterAnEarlierStepAreComposedWithIt() {
        // an earlier step removed a CR: "AB\r..." -> its output j was input j, j + 1 from character 2 on
        int[] earlier = {0, 1, 3, 4, 5, 6, 7, 8};
        SourcePositions positions = new SourcePositions();
        positions.follow(earlier);
        positions.followInsertions(BREAKS.clone(), 2, 7);

        for (int i = 0; i < PER_CHARACTER.length; i++) {
            assertThat(positions.of(i)).as("position %d", i).isEqualTo(earlier[PER_CHARACTER[i]]);
        }
    }
}
