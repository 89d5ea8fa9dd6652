package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Warning;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partial extracts of the release (one corpus cable in nine): station and serial but no year in the text, so the id
 * comes from the name the release gave the file, where that agrees with the text. Real files, named as released.
 */
class PartialExtractTest {

    private final CableParser parser = new CableParser();

    @Test
    void withoutItsNameAPartialExtractHasNoId() {
        ParsedCable cable = parser.parse(CableParserSeedTest.resource("05SANJOSE2019.txt"));

        assertThat(cable.cableId()).isNull();
        assertThat(codes(cable)).contains("NO_CABLE_ID");
    }

    @Test
    void aPartialExtractNamedAsInTheReleaseTakesTheIdOfItsName() {
        ParsedCable cable = parser.parse(CableParserSeedTest.resource("05SAOPAULO872.txt"), null,
                "05SAOPAULO872.txt");

        assertThat(cable.cableId()).isEqualTo("05SAOPAULO872");
        assertThat(cable.classification()).isEqualTo("SECRET");
        assertThat(cable.dtg()).as("no date in the text, none guessed").isNull();
        assertThat(codes(cable)).contains("CABLE_ID_FROM_SOURCE_NAME", "NO_DTG").doesNotContain("NO_CABLE_ID");
    }

    @Test
    void theNameIsReadFromPathsArchiveEntriesUrlsAndBareIds() {
        byte[] text = CableParserSeedTest.resource("03THEHAGUE1910.txt");
        for (String source : List.of("cables/03THEHAGUE1910.txt", "C:\\release\\03THEHAGUE1910.txt",
                "cablegate.tar!cable/2003/07/03THEHAGUE1910.html", "https://example.org/cable/2003/07/03THEHAGUE1910.html",
                "03THEHAGUE1910", "03thehague1910.txt", "03THEHAGUE001910.txt")) {
            assertThat(parser.parse(text, null, source).cableId()).as(source).isEqualTo("03THEHAGUE1910");
        }
    }

    @Test
    void aNameThatContradictsTheTextsStationOrSerialIsNotUsed() {
        byte[] text = CableParserSeedTest.resource("05SANJOSE2019.txt");
        for (String source : List.of("05SANJOSE2020.txt", "05LIMA2019.txt")) {
            ParsedCable cable = parser.parse(text, null, source);

            assertThat(cable.cableId()).as(source).isNull();
            assertThat(codes(cable)).as(source).contains("SOURCE_NAME_MISMATCH", "NO_CABLE_ID");
        }
    }

    @Test
    void aNameThatIsNoCableIdIsIgnored() {
        ParsedCable cable = parser.parse(CableParserSeedTest.resource("05SANJOSE2019.txt"), null, "incoming/cable-7.txt");

        assertThat(cable.cableId()).isNull();
        assertThat(codes(cable)).contains("NO_CABLE_ID").doesNotContain("SOURCE_NAME_MISMATCH");
    }

    @Test
    void aTextWithoutStationAndSerialIsNotGivenItsNamesId() {
        // 04MADRID4827 starts at its SIPDIS line: nothing in it to check the name against
        ParsedCable cable = parser.parse(CableParserSeedTest.resource("04MADRID4827.txt"), null, "04MADRID4827.txt");

        assertThat(cable.cableId()).isNull();
        assertThat(cable.warnings()).filteredOn(w -> w.code().equals("NO_CABLE_ID")).extracting(Warning::message)
                .singleElement().asString().contains("04MADRID4827.txt");
    }

    @Test
    void theReleaseDateLineGivesTheDtgAndSoTheYear() {
        // "Tuesday, 20 January 2004, 09:44" above the text: the release's date, whose date and hour are the DTG's
        ParsedCable cable = parser.parse(CableParserSeedTest.resource("04RANGOON88.txt"), null, "04RANGOON88.txt");

        assertThat(cable.dtg()).isEqualTo(Instant.parse("2004-01-20T09:44:00Z"));
        assertThat(cable.cableId()).isEqualTo("04RANGOON88");
        assertThat(codes(cable)).contains("DTG_FROM_RELEASE_DATE_LINE").doesNotContain("CABLE_ID_FROM_SOURCE_NAME");
    }

    @Test
    void aTextWithItsOwnYearKeepsItsIdAndFlagsADifferentName() {
        ParsedCable cable = parser.parse(CableParserSeedTest.resource("09BAMAKO815.txt"), null, "09BAMAKO816.txt");

        assertThat(cable.cableId()).isEqualTo("09BAMAKO815");
        assertThat(codes(cable)).contains("SOURCE_NAME_MISMATCH");
    }

    @Test
    void theReleaseColumnsIdWinsOverTheName() {
        ParsedCable cable = parser.parse(CableParserSeedTest.resource("05SANJOSE2019.txt"),
                new CableParser.ReleaseMetadata("05SANJOSE2019", null, null), "05SANJOSE2020.txt");

        assertThat(cable.cableId()).isEqualTo("05SANJOSE2019");
        assertThat(codes(cable)).doesNotContain("CABLE_ID_FROM_SOURCE_NAME");
    }

    private static List<String> codes(ParsedCable cable) {
        return cable.warnings().stream().map(Warning::code).toList();
    }
}
