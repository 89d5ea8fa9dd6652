package io.cablestream.parser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The eight-bytes-at-once test agrees with the byte-by-byte rule for every byte value at every place of a word. */
class AsciiWordsTest {

    private static boolean needsCleaning(int b) {
        return b >= 0x80 || (b < 0x20 && b != '\n') || b == '\\' || b == 0x7f;
    }

    @Test
    void everyByteValueAtEveryPlaceIsToldApartAsTheByteRuleDoes() {
        // plain letters, and a word with line feeds beside the tested byte (a borrow must not spill into it)
        for (String around : new String[]{"ABCDEFGH", "\n\n\n\n\n\n\n\n", "a\nb c\n.Z"}) {
            for (int place = 0; place < 8; place++) {
                for (int value = 0; value < 256; value++) {
                    byte[] word = around.getBytes(StandardCharsets.ISO_8859_1);
                    word[place] = (byte) value;
                    assertThat(AsciiWords.mayNeedCleaning(AsciiWords.word(word, 0)))
                            .as("byte %02x at %d in %s", value, place, around.replace("\n", "\\n"))
                            .isEqualTo(needsCleaning(value));
                }
            }
        }
    }

    @Test
    void equalMarksExactlyTheBytesThatAreTheCharacter() {
        byte[] word = "\\a\\\u007f\\\\ b".getBytes(StandardCharsets.ISO_8859_1);
        long marks = AsciiWords.equal(AsciiWords.word(word, 0), '\\');
        for (int place = 0; place < 8; place++) {
            boolean marked = (marks >>> (8 * place + 7) & 1) == 1;
            assertThat(marked).as("place %d", place).isEqualTo(word[place] == '\\');
        }
    }
}
