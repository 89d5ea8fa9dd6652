package io.cablestream.parser;

import io.cablestream.events.ByteWords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normaliser's eight-bytes-at-once test for a text that needs no repair agrees with its byte-by-byte rule for
 * every byte value at every place of a word: a miss would leave a CR, tab or NUL in the fields.
 */
class CleanTextWordsTest {

    private static boolean needsCleaning(int b) {
        return b >= 0x80 || (b < 0x20 && b != '\n') || b == '\\' || b == 0x7f;
    }

    @Test
    void everyByteValueAtEveryPlaceIsToldApartAsTheByteRuleDoes() {
        // plain letters, and words with line feeds beside the tested byte (a borrow must not spill into it)
        for (String around : new String[]{"ABCDEFGH", "\n\n\n\n\n\n\n\n", "a\nb c\n.Z"}) {
            for (int place = 0; place < 8; place++) {
                for (int value = 0; value < 256; value++) {
                    byte[] word = around.getBytes(StandardCharsets.ISO_8859_1);
                    word[place] = (byte) value;
                    assertThat(Normaliser.mayNeedCleaning(ByteWords.at(word, 0)))
                            .as("byte %02x at %d in %s", value, place, around.replace("\n", "\\n"))
                            .isEqualTo(needsCleaning(value));
                }
            }
        }
    }

    /** The characters the repair pass is for: {@link Normaliser#clean}'s list. */
    private static final String NEEDS_REPAIR = "\r\t\0\f\u000b\\\u007f\u00a0\u00c2\u00c3\u00e2\u2028\u2029";

    @Test
    void theTestOnUtf8BytesFlagsExactlyTheCharactersToRepair() {
        // every Latin-1 character, the separators, and characters whose UTF-8 shares bytes with those looked for
        StringBuilder chars = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            chars.append(c);
        }
        chars.append("\u2028\u2029\u2013\u201c\u2027\u20a8\u0102\u0080\u00b6");
        for (int k = 0; k < chars.length(); k++) {
            char c = chars.charAt(k);
            for (int place = 0; place < 9; place++) {
                String text = "ABCDEFGH".substring(0, place) + c + "IJKLMNOPQ";
                assertThat(Normaliser.cleanUtf8(text.getBytes(StandardCharsets.UTF_8)))
                        .as("U+%04X at %d", (int) c, place).isEqualTo(NEEDS_REPAIR.indexOf(c) < 0);
            }
        }
    }

    @Test
    void aRealCableWithOneTabOrCarriageReturnAnywhereIsRepaired() {
        String clean = CableParser.text(readSample());
        for (String damage : new String[]{"\t", "\r"}) {
            for (int at : new int[]{clean.indexOf("SUBJECT"), clean.length() / 2, clean.length() - 2}) {
                String damaged = clean.substring(0, at) + damage + clean.substring(at);
                String normalised = Normaliser.normalise(damaged, new Warnings());
                assertThat(normalised).as("%s at %d", damage.equals("\t") ? "tab" : "CR", at).doesNotContain(damage);
            }
        }
    }

    private static byte[] readSample() {
        try {
            return java.nio.file.Files.readAllBytes(Corpus.SAMPLE.resolve("cables/09PARIS1040.txt"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
