package io.cablestream.parser;

/** Numeric HTML entities ({@code &#8217;}) that the release's pages left in some texts, as characters. */
final class HtmlEntities {

    private HtmlEntities() {
    }

    static String decode(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int semicolon;
            if (s.startsWith("&#", i) && (semicolon = s.indexOf(';', i)) > i + 2 && semicolon < i + 9) {
                String digits = s.substring(i + 2, semicolon);
                if (digits.chars().allMatch(Character::isDigit)) {
                    int code = Integer.parseInt(digits);
                    if (Character.isValidCodePoint(code) && code >= 32) {
                        b.appendCodePoint(code);
                        i = semicolon + 1;
                        continue;
                    }
                }
            }
            b.append(s.charAt(i++));
        }
        return b.toString();
    }
}
