package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Reference;
import io.cablestream.events.ParsedCable.Tag;
import io.cablestream.events.ParsedCable.TagKind;
import io.cablestream.events.ParsedCable.Warning;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.cablestream.parser.CableParserSeedTest.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Field by field, on real corpus cables that show the tricky cases. */
class RealCableFieldsTest {

    private final CableParser parser = new CableParser();

    private ParsedCable parse(String id) {
        return parser.parse(resource(id + ".txt"));
    }

    @Test
    void spacedOutClassificationWrappedSubjectAndSplitReasonsOf09BAMAKO815() {
        ParsedCable c = parse("09BAMAKO815");
        assertThat(c.cableId()).isEqualTo("09BAMAKO815");
        assertThat(c.classification()).isEqualTo("SECRET");
        assertThat(c.subject()).isEqualTo("CLOSING CEREMONY OF JCET TRAINING OF MALIAN ARMY ETIA 4 IN GAO");
        // "for reasons 1.4 (b) ( d)." over two lines
        assertThat(c.classifiedBy().name()).isEqualTo("Gillian A. Milovanovic");
        assertThat(c.classifiedBy().title()).isEqualTo("Ambassador");
        assertThat(c.classifiedBy().reasons()).containsExactly("1.4(b)", "1.4(d)");
        assertThat(c.executiveOrder()).isEqualTo(new ParsedCable.ExecutiveOrder("12958", LocalDate.of(2019, 12, 16)));
        assertThat(c.references()).extracting(Reference::cableId).containsExactly("09BAMAKO813");
        assertThat(c.redactions()).isGreaterThanOrEqualTo(5);
        assertThat(c.paragraphs()).extracting(ParsedCable.Paragraph::number, ParsedCable.Paragraph::marking)
                .startsWith(tuple(1, "S"), tuple(2, "S"));
    }

    @Test
    void headerFieldsOf09BAMAKO815() {
        ParsedCable.Header h = parse("09BAMAKO815").header();
        assertThat(h.transmissionId()).isEqualTo("VZCZCXYZ0004");
        assertThat(h.actionPrecedence()).isEqualTo("IMMEDIATE");
        assertThat(h.infoPrecedence()).isEqualTo("IMMEDIATE");
        assertThat(h.station()).isEqualTo("RUEHBP");
        assertThat(h.serial()).isEqualTo("0815");
        assertThat(h.section()).isEqualTo(1);
        assertThat(h.julianTime()).isEqualTo("3511536");
        assertThat(h.securityLine()).isEqualTo("ZNY SSSSS ZZH");
    }

    @Test
    void tagsContinuedOnTheNextLineAndPersonTagsOf09SANTIAGO324() {
        ParsedCable c = parse("09SANTIAGO324");
        assertThat(c.tags()).extracting(Tag::code)
                .containsExactly("OVIP", "BIDEN, JOSEPH", "PREL", "ECON", "PGOV", "SOCI", "UK", "PK", "AF");
        assertThat(c.tags()).filteredOn(t -> t.kind() == TagKind.PERSON).extracting(Tag::code)
                .containsExactly("BIDEN, JOSEPH");
        assertThat(c.tags()).filteredOn(t -> t.kind() == TagKind.COUNTRY).extracting(Tag::code)
                .containsExactly("UK", "PK", "AF");
        assertThat(c.subject()).isEqualTo(
                "VICE PRESIDENT BIDEN'S MARCH 27 MEETING WITH BRITISH PRIME MINISTER GORDON BROWN");
        assertThat(c.summary()).startsWith("During a bilateral meeting on the margins");
        assertThat(c.signers()).containsExactly("SIMONS");
    }

    @Test
    void refBulletsWithPilcrowsAndTheReleaseRowOf05BOGOTA3726() {
        ParsedCable c = parse("05BOGOTA3726");
        // a cables.csv row above a partial extract: its date stands in for the missing DTG, with a warning
        assertThat(c.dtg()).isEqualTo(Instant.parse("2005-04-19T20:39:00Z"));
        assertThat(c.warnings()).extracting(Warning::code).contains("DTG_FROM_RELEASE_HEADER");
        assertThat(c.references()).extracting(Reference::label, Reference::cableId)
                .containsExactly(tuple("A", "05BOGOTA1775"), tuple("B", "05BOGOTA3422"), tuple("C", "05CARACAS951"));
        assertThat(c.classifiedBy().reasons()).containsExactly("1.4(b)", "1.4(d)");
    }

    @Test
    void oldCableWithoutHeaderOf72TEHRAN5055() {
        ParsedCable c = parse("72TEHRAN5055");
        assertThat(c.cableId()).isEqualTo("72TEHRAN5055");
        assertThat(c.dtg()).isEqualTo(Instant.parse("1972-08-22T09:27:00Z"));
        assertThat(c.header().actionPrecedence()).isEqualTo("ROUTINE");
        assertThat(c.to()).extracting(ParsedCable.Recipient::name, ParsedCable.Recipient::serial)
                .containsExactly(tuple("SECSTATE WASHDC", "9461"));
        assertThat(c.references()).extracting(Reference::cableId).containsExactly("72TEHRAN4887");
        assertThat(c.signers()).containsExactly("FARLAND");
    }

    @Test
    void xmtExclusionsAreNotAddressees() {
        ParsedCable c = parse("07SANJOSE1106");
        assertThat(c.info()).extracting(ParsedCable.Recipient::name).doesNotContain("USSOCOM WO WASHINGTON DC")
                .contains("AIT TAIPEI");
        assertThat(c.warnings()).filteredOn(w -> w.code().equals("XMT_EXCLUSIONS"))
                .extracting(Warning::message).singleElement().asString().contains("USSOCOM WO WASHINGTON DC");
    }

    @Test
    void deLineDayThatDisagreesWithTheDtgIsAWarning() {
        ParsedCable c = parse("08STOCKHOLM748");
        assertThat(c.warnings()).extracting(Warning::code).contains("JULIAN_DAY_MISMATCH");
        assertThat(parse("09BAMAKO815").warnings()).extracting(Warning::code).doesNotContain("JULIAN_DAY_MISMATCH");
    }

    @Test
    void seedParagraphsAreRepairedFromOcrAndGluedNumbers() {
        ParsedCable c = parse("09USOSCE86-ocr");
        assertThat(c.paragraphs()).extracting(ParsedCable.Paragraph::number).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(c.paragraphs().get(1).marking()).isEqualTo("SBU");
        assertThat(c.text(c.paragraphs().get(3))).startsWith("At a roundtable discussion");
        assertThat(c.summary()).startsWith("S/CRS Ambassador Herbst visited OSCE March 16").endsWith("training courses.");
        assertThat(c.comment()).startsWith("Ambassador Herbst's presentation").endsWith("post-conflict rehabilitation");
        assertThat(c.signers()).containsExactly("SCOTT");
        assertThat(c.executiveOrder().order()).isEqualTo("12958");
        assertThat(c.executiveOrder().declassifyOn()).isNull();
        assertThat(c.from()).isEqualTo("USMISSION USOSCE");
        assertThat(c.info()).extracting(ParsedCable.Recipient::routing)
                .containsExactly("RUCNOSC", "RUEHUNV", "RUEHBS");
    }
}
