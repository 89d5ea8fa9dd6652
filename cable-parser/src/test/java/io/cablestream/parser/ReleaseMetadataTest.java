package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The release's metadata given beside the text (cables.csv columns) stands in for the header a text lost. */
class ReleaseMetadataTest {

    /** A partial extract as half the corpus has them: the body without the header, so no date and no id. */
    private static final byte[] BODY_ONLY = """
            S E C R E T SECTION 01 OF 02 SAO PAULO 000872

            SIPDIS

            E.O. 12958: DECL: 08/01/2015
            TAGS: PGOV, PREL, BR
            SUBJECT: THE PARTY AFTER THE SCANDAL

            1. (S) Summary: The party regroups. End Summary.
            """.getBytes(StandardCharsets.UTF_8);

    private final CableParser parser = new CableParser();

    @Test
    void withoutMetadataAPartialExtractHasNoIdAndNoDate() {
        ParsedCable cable = parser.parse(BODY_ONLY);

        assertThat(cable.cableId()).isNull();
        assertThat(cable.dtg()).isNull();
    }

    @Test
    void metadataGivesTheIdAndFillsTheMissingDate() {
        ParsedCable cable = parser.parse(BODY_ONLY,
                new CableParser.ReleaseMetadata("05SAOPAULO872", "8/1/2005 12:34", "SECRET"));

        assertThat(cable.cableId()).isEqualTo("05SAOPAULO872");
        assertThat(cable.dtg()).isEqualTo(Instant.parse("2005-08-01T12:34:00Z"));
        assertThat(cable.classification()).isEqualTo("SECRET");
        assertThat(cable.subject()).isEqualTo("THE PARTY AFTER THE SCANDAL");
        assertThat(cable.warnings()).extracting(ParsedCable.Warning::code).contains("DTG_FROM_RELEASE_HEADER");
    }

    /**
     * Release lines above a text that itself quotes a cables.csv row (the corpus page of 03THEHAGUE2835 holds its
     * row): the lines are the feed's and name the cable; the quoted row named every renumbered copy of it alike.
     */
    @Test
    void releaseLinesAboveTheTextWinOverARowTheTextQuotes() {
        String quotedRow = "31082,4/19/2005 20:39,05BOGOTA3726,\"Embassy Bogota\",CONFIDENTIAL,05BOGOTA3000,\"\n";
        byte[] text = ("refid: 05SAOPAULO872\ndate: 2005-08-01 12:34\nclassification: SECRET\n\n" + quotedRow
                + new String(BODY_ONLY, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);

        ParsedCable cable = parser.parse(text);

        assertThat(cable.cableId()).isEqualTo("05SAOPAULO872");
        assertThat(cable.dtg()).isEqualTo(Instant.parse("2005-08-01T12:34:00Z"));
    }

    @Test
    void metadataValuesNotOfTheReleasesFormAreIgnored() {
        ParsedCable cable = parser.parse(BODY_ONLY,
                new CableParser.ReleaseMetadata("not an id", "yesterday", "VERY SECRET"));

        assertThat(cable.cableId()).isNull();
        assertThat(cable.dtg()).isNull();
        assertThat(cable.classification()).isEqualTo("SECRET");
    }

    @Test
    void theTextsOwnDtgWinsOverTheMetadataDate() throws java.io.IOException {
        byte[] seed;
        try (var in = ReleaseMetadataTest.class.getResourceAsStream("/cables/09USOSCE86-ocr.txt")) {
            seed = in.readAllBytes();
        }
        ParsedCable cable = parser.parse(seed, new CableParser.ReleaseMetadata("09USOSCE86", "1/1/2009 00:00", null));

        assertThat(cable.cableId()).isEqualTo("09USOSCE86");
        assertThat(cable.dtg()).isEqualTo(Instant.parse("2009-04-07T15:27:00Z"));
    }
}
