package io.cablestream.events;

import io.cablestream.events.ParsedCable.Paragraph;
import io.cablestream.events.ParsedCable.Span;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Spans are UTF-16 code units of the raw text; their text is its lines joined by one space. */
class SpanTextTest {

    /** U+1D400 (two UTF-16 units, one code point) before the paragraph moves its offsets by two, not one. */
    static final String RAW = "SUBJECT: \uD835\uDC00 MATH\r\n\r\n1. (C) The minister  said\r\n   that\t"
            + "no \\\r\nUSOSCE 00000086 002 OF 002\r\ndecision was\u0000 taken.\r\n";

    static int unitsTo(String s) {
        return RAW.indexOf(s);
    }

    static Paragraph paragraph() {
        int page = unitsTo("USOSCE 00000086");
        return new Paragraph(1, "C", unitsTo("The minister"), unitsTo("taken.") + "taken.".length(),
                List.of(new Span(page, page + "USOSCE 00000086 002 OF 002".length())));
    }

    @Test
    void offsetsCountUtf16UnitsSoASupplementaryCharacterCountsTwo() {
        assertThat(unitsTo("The minister")).isEqualTo(RAW.codePoints().toArray().length
                - RAW.substring(unitsTo("The minister")).codePoints().toArray().length + 1);
        assertThat(RAW.substring(paragraph().start(), paragraph().start() + 3)).isEqualTo("The");
    }

    @Test
    void linesAreJoinedByOneSpaceWithoutTheOmittedPageBreak() {
        assertThat(paragraph().text(RAW)).isEqualTo("The minister  said that no decision was taken.");
    }

    @Test
    void aSpanBeyondTheTextIsCutAtItsEnd() {
        assertThat(new Paragraph(2, null, RAW.length() - 8, RAW.length() + 50).text(RAW)).isEqualTo("taken.");
        assertThat(new Paragraph(2, null, 0, 4).text(null)).isNull();
    }
}
