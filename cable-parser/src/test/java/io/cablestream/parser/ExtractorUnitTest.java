package io.cablestream.parser;

import io.cablestream.events.ParsedCable;

import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pieces, on lines taken from corpus cables. */
class ExtractorUnitTest {

    @Test
    void classificationLinesInTheirVariants() {
        ClassificationLine l = ClassificationLine.parse("C O N F I D E N T I A L SECTION 01 OF 03 NEW DELHI 000123");
        assertThat(l.level()).isEqualTo("CONFIDENTIAL");
        assertThat(l.section()).isEqualTo(1);
        assertThat(l.sectionOf()).isEqualTo(3);
        assertThat(l.station()).isEqualTo("NEW DELHI");
        assertThat(l.serial()).isEqualTo("123");
        // 08KUWAIT128: lower-case "of"; 06MADRID779: doubled first letter; 08ECTION01OF02MANAMA492: "ECTION"
        assertThat(ClassificationLine.parse("CONFIDENTIAL SECTION 01 of 03 KUWAIT 000128").station()).isEqualTo("KUWAIT");
        assertThat(ClassificationLine.parse("C C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000779").serial())
                .isEqualTo("779");
        assertThat(ClassificationLine.parse("C O N F I D E N T I A L ECTION 01 OF 02 MANAMA 000492").station())
                .isEqualTo("MANAMA");
        assertThat(ClassificationLine.parse("UNCLAS E F T O SECTION 01 OF 02 LONDON 000123").caveats()).isEqualTo("EFTO");
        assertThat(ClassificationLine.parse("SECRET POLICE CHIEF SAID")).isNull();
    }

    @Test
    void stationAliasesAndOrigins() {
        assertThat(CableIdExtractor.id(2009, "SECSTATE", "000123")).isEqualTo("09STATE123");
        assertThat(CableIdExtractor.id(2006, "SAO PAULO", "000335")).isEqualTo("06SAOPAULO335");
        assertThat(CableIdExtractor.origin("AMEMBASSY LA PAZ")).isEqualTo("LAPAZ");
        assertThat(CableIdExtractor.origin("SECSTATE WASHDC")).isEqualTo("STATE");
        assertThat(CableIdExtractor.origin("USMISSION USUN NEW YORK")).isEqualTo("USUNNEWYORK");
    }

    @Test
    void reasonCodesInTheWaysTheyAreWritten() {
        assertThat(reasons("Reasons 1.4 (b) and (d)")).containsExactly("1.4(b)", "1.4(d)");
        assertThat(reasons("REASONS 1.5 (B) AND (D)")).containsExactly("1.5(b)", "1.5(d)");
        assertThat(reasons("reason 1.4(b,d)")).containsExactly("1.4(b)", "1.4(d)");
        assertThat(reasons("reasons 1.4 b/d.")).containsExactly("1.4(b)", "1.4(d)");
        assertThat(reasons("reasons 1.4(b) and 1.4(d)")).containsExactly("1.4(b)", "1.4(d)");
    }

    @Test
    void textIsUtf8OrElseWindows1252NeverReplacementCharacters() {
        byte[] utf8 = "\u00b63. (C) \u201cquoted\u201d".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(CableParser.text(utf8)).isEqualTo("\u00b63. (C) \u201cquoted\u201d");
        // 19 corpus cables carry the Windows-1252 pilcrow B6 and curly quotes 93/94 in otherwise ASCII text
        byte[] cp1252 = {(byte) 0xb6, '3', '.', ' ', (byte) 0x93, 'q', (byte) 0x94};
        assertThat(CableParser.text(cp1252)).isEqualTo("\u00b63. \u201cq\u201d");
        assertThat(CableParser.text(null)).isEmpty();
    }

    @Test
    void classifiedByLosesItsReasonWordsWhateverTheirForm() {
        assertThat(classifiedBy("Classified By: Ambassador Gillian A. Milovanovic, for reasons 1.4 (b) ( d)."))
                .isEqualTo("Gillian A. Milovanovic|Ambassador|[1.4(b), 1.4(d)]");
        assertThat(classifiedBy("CLASSIFIED BY: DCM Robert  Smith, REASON: 1.4(b)"))
                .isEqualTo("Robert Smith|DCM|[1.4(b)]");
        assertThat(classifiedBy("Classified By: Pol Chief S. Rand under E.O. 12958 1.4(d)"))
                .isEqualTo("S. Rand|Pol Chief|[1.4(d)]");
        assertThat(classifiedBy("Classified by Ambassador Frank Almaguer; Reasons   1.4 (b), (d)"))
                .isEqualTo("Frank Almaguer|Ambassador|[1.4(b), 1.4(d)]");
        // "reason" inside the name is no reason word: nothing but the end of the text before 1.4 is cut
        assertThat(classifiedBy("Classified By: Reasoner Jones, Econ Officer, Reasons 1.4 (b)"))
                .isEqualTo("Reasoner Jones|Econ Officer|[1.4(b)]");
    }

    @Test
    void classifiedByReadsTitlesAfterTheNameSuffixesAndTheOrder() {
        var c = ClassifiedByExtractor.extract(LineScanner.scan(
                "1.  (U) CLASSIFIED BY THOMAS W. SIMONS, JR., AMBASSADOR.\nREASON:  1.5 (B), (C) AND (D).\n"));
        assertThat(c.name()).isEqualTo("THOMAS W. SIMONS, JR.");
        assertThat(c.title()).isEqualTo("AMBASSADOR");
        assertThat(c.reasons()).containsExactly("1.5(b)", "1.5(c)", "1.5(d)");
        var wrapped = ClassifiedByExtractor.extract(LineScanner.scan("Classified By: Interagency Provincial Affairs "
                + "Deputy Coordinator Hoyt Y \nee for reasons 1.4 (b) and (d), E.O. 12958\n"));
        // the release cut the line at 71 characters inside the name
        assertThat(wrapped.name()).isEqualTo("Hoyt Yee");
        assertThat(wrapped.title()).isEqualTo("Interagency Provincial Affairs Deputy Coordinator");
        assertThat(wrapped.order()).isEqualTo("12958");
        var two = ClassifiedByExtractor.extract(LineScanner.scan(
                "Classified By: Ambassador Ryan C. Crocker and DCM Patricia Butenis, reasons 1.4 (b) and (d)\n"));
        assertThat(two.name()).isEqualTo("Ryan C. Crocker");
        assertThat(two.others()).extracting(ParsedCable.Classifier::name).containsExactly("Patricia Butenis");
        assertThat(two.others()).extracting(ParsedCable.Classifier::title).containsExactly("DCM");
    }

    /** name|reasons of the one Classified By line of a text. */
    private static String classifiedBy(String line) {
        var c = ClassifiedByExtractor.extract(LineScanner.scan(line + "\n"));
        return c.name() + "|" + c.title() + "|" + c.reasons();
    }

    private static java.util.List<String> reasons(String s) {
        Matcher m = Pattern.compile("\\b1\\s?\\.\\s?([45])\\b").matcher(s);
        assertThat(m.find()).isTrue();
        return ClassifiedByExtractor.reasons(s, m);
    }

    @Test
    void runTogetherAndTypedTags() {
        assertThat(TagsExtractor.tags("PGOV, PREL, KDEM, OSCE, RS (CLINTON, HILLARY)", new Warnings()))
                .extracting(t -> t.code() + ":" + t.kind())
                .containsExactly("PGOV:SUBJECT", "PREL:SUBJECT", "KDEM:PROGRAM", "OSCE:ORGANISATION", "RS:COUNTRY",
                        "CLINTON, HILLARY:PERSON");
    }

    @Test
    void runTogetherTagsAreCutIntoKnownCodesAndUnknownWordsKept() {
        // 02ROME3639: "ITPGOV"; the release's run-together "KFRDCVISCMGTCASCKOCIASECPHUMSMIGEG"
        assertThat(TagsExtractor.tags("PGOVPREL ITPGOV KFRDCVISCMGTCASCKOCIASECPHUMSMIGEG POLITICS", new Warnings()))
                .extracting(t -> t.code())
                .containsExactly("PGOV", "PREL", "IT", "KFRD", "CVIS", "CMGT", "CASC", "KOCI", "ASEC", "PHUM",
                        "SMIG", "EG", "POLITICS");
    }

    @Test
    void recipientLinesInTheirVariants() {
        assertThat(RecipientExtractor.parse("RUEHC/SECSTATE WASHDC PRIORITY 6323"))
                .isEqualTo(new io.cablestream.events.ParsedCable.Recipient("RUEHC", "SECSTATE WASHDC", "PRIORITY", "6323"));
        assertThat(RecipientExtractor.parse("RUEHAAA/NSC WASHDC NIACT IMMEDIATE"))
                .isEqualTo(new io.cablestream.events.ParsedCable.Recipient("RUEHAAA", "NSC WASHDC", "NIACT IMMEDIATE", null));
        assertThat(RecipientExtractor.parse("SECSTATE WASHDC 9461"))
                .isEqualTo(new io.cablestream.events.ParsedCable.Recipient(null, "SECSTATE WASHDC", null, "9461"));
        assertThat(RecipientExtractor.parse("AMEMBASSY ADDIS ABABA"))
                .isEqualTo(new io.cablestream.events.ParsedCable.Recipient(null, "AMEMBASSY ADDIS ABABA", null, null));
    }

    @Test
    void redactionsAreRunsOfX() {
        assertThat(BodyExtractor.redactions("led by Captain XXXXXXXXXXXX and xxxxxxxxxxxx, not XXL or EXXON"))
                .isEqualTo(2);
    }

    /** Every alignment of a run, runs of both cases side by side, at the ends of the text, one short of six. */
    @Test
    void redactionsAreFoundAtEveryPositionAsARunByRunCountFindsThem() {
        java.util.Random random = new java.util.Random(42);
        char[] alphabet = {'X', 'X', 'X', 'x', 'x', 'a', ' ', '.'};
        for (int trial = 0; trial < 20_000; trial++) {
            char[] chars = new char[random.nextInt(40)];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = alphabet[random.nextInt(alphabet.length)];
            }
            String text = new String(chars);
            assertThat(BodyExtractor.redactions(text)).as(text).isEqualTo(runsOfSixOrMore(text));
        }
    }

    /** The plain count: each maximal run of one of X or x, six or longer, with no letter on either side. */
    private static int runsOfSixOrMore(String text) {
        int count = 0;
        for (int at = 0; at < text.length(); ) {
            char c = text.charAt(at);
            int end = at + 1;
            while (end < text.length() && text.charAt(end) == c) {
                end++;
            }
            boolean alone = (at == 0 || !Character.isLetter(text.charAt(at - 1)))
                    && (end == text.length() || !Character.isLetter(text.charAt(end)));
            if ((c == 'X' || c == 'x') && end - at >= 6 && alone) {
                count++;
            }
            at = end;
        }
        return count;
    }

    @Test
    void caveatLines() {
        assertThat(LineScanner.isCaveatLine("NOFORN SIPDIS")).isTrue();
        assertThat(LineScanner.isCaveatLine("SIPDIS PARIS PASS USOECD")).isFalse();
    }
}
