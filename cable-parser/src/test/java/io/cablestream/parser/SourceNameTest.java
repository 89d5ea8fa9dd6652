package io.cablestream.parser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A source name is a canonical id, compared with the text's station and serial as the release forms ids. */
class SourceNameTest {

    @Test
    void theLastSegmentWithoutExtensionIsTheId() {
        assertThat(SourceName.of("a/b/02ROME1196.txt").id()).isEqualTo("02ROME1196");
        assertThat(SourceName.of("02ROME001196").id()).isEqualTo("02ROME1196");
        assertThat(SourceName.of("02SECSTATE12345.txt").id()).as("alias").isEqualTo("02STATE12345");
    }

    @Test
    void namesThatAreNoCanonicalIdAreNone() {
        for (String name : new String[]{null, "", "cable.txt", "ROME1196.txt", "2ROME1196.txt", "02ROME.txt",
            "0212345.txt", "02ROME1196X.txt", "02ROME12345678.txt", "09SECTION01OF03SANJOSE525.txt"}) {
            assertThat(SourceName.of(name)).as(name).isNull();
        }
    }

    @Test
    void stationsCompareThroughAliasesSpacesAndLeadingZeros() {
        assertThat(SourceName.of("08STATE12345.txt").agrees("SECSTATE", "012345")).isTrue();
        assertThat(SourceName.of("08STATE12345.txt").agrees("STATE", "012345")).isTrue();
        assertThat(SourceName.of("07USUNNEWYORK720.txt").agrees("USUN", "000720")).isTrue();
        assertThat(SourceName.of("07USUNNEWYORK720.txt").agrees("USUN NEW YORK", "000720")).isTrue();
        assertThat(SourceName.of("05SAOPAULO872.txt").agrees("SAO PAULO", "000872")).isTrue();
        assertThat(SourceName.of("05SAOPAULO872.txt").agrees("SAO PAULO", "000873")).isFalse();
        assertThat(SourceName.of("05SAOPAULO872.txt").agrees("BRASILIA", "000872")).isFalse();
    }
}
