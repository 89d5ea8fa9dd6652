package io.cablestream.parser;

/**
 * The bytes of UTF-8 text that was decoded as Latin-1 or Windows-1252: each continuation byte (0x80-0xBF) became
 * U+0080-U+00BF, or the Windows-1252 character of bytes 0x80-0x9F ({@code ’} as {@code â€™}).
 */
final class Mojibake {

    /** Windows-1252's characters for bytes 0x80-0x9F; U+FFFD where the code page has none. */
    private static final String CP1252_HIGH = "\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160"
            + "\u2039\u0152\ufffd\u017d\ufffd\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
            + "\u0153\ufffd\u017e\u0178";

    private Mojibake() {
    }

    /** The continuation byte {@code c} stands for (0x80-0xBF), or -1 when it stands for none. */
    static int continuation(char c) {
        if (c >= '\u0080' && c <= '\u00bf') {
            return c;
        }
        int at = c == '\ufffd' ? -1 : CP1252_HIGH.indexOf(c);
        return at < 0 ? -1 : 0x80 + at;
    }
}
