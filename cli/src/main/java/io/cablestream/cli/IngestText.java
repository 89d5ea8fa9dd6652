package io.cablestream.cli;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a file's bytes into the text that goes into the NDJSON line, and says how: the charset the user declared
 * ({@code --charset}), else the ingest service's own rule for undeclared bytes (UTF-8, else Windows-1252, and
 * then the charset was guessed). The service records both in the cable's {@code charset} and
 * {@code charsetGuessed} headers, as it does for a {@code text/plain} cable posted without a charset.
 */
final class IngestText {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The text, the charset it was decoded from, and whether that charset was guessed. */
    record Decoded(String text, Charset charset, boolean guessed) {
    }

    private IngestText() {
    }

    static Decoded decode(byte[] bytes, Charset declared) {
        if (declared != null) {
            return new Decoded(new String(bytes, declared), declared, false);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, StandardCharsets.UTF_8, false);
        } catch (CharacterCodingException e) {
            return new Decoded(new String(bytes, WINDOWS_1252), WINDOWS_1252, true);
        }
    }
}
