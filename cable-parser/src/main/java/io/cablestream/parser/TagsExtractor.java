package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Tag;
import io.cablestream.events.ParsedCable.TagKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** The TAGS line (and its continuation lines) as typed tags: subject, country, organisation, program, person. */
final class TagsExtractor {

    /** Organisation codes seen in the corpus's TAGS lines. */
    private static final Set<String> ORGANISATIONS = Set.of("NATO", "UNSC", "UNGA", "EUN", "IAEA", "OAS", "OSCE",
            "UNMIK", "UNHRC", "UNESCO", "IWC", "IMO", "UNHCR", "ICRC", "FAO", "WHO", "ICAO", "WTO", "GCC", "ASEAN",
            "OIC", "ILO", "IMF", "IBRD", "CIS", "ICJ", "WEU", "UNEP", "UNDP", "MERCOSUR", "INTERPOL", "APEC", "OECD",
            "OPEC", "AU", "UN", "EU", "USEU", "UNVIE", "ICTY", "WBG", "ECOWAS", "SADC", "SCO", "CARICOM", "UNO", "UNAUS",
            "FTAA", "APECO", "NSG", "MTCRE", "CWC", "NPT", "WTRO");

    /** Compiled once: String.split compiles a regex of more than one character on every call. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

    private TagsExtractor() {
    }

    static List<Tag> extract(CableText text, Warnings warnings) {
        int at = text.first(LineKind.TAGS, text.bodyStart);
        if (at < 0) {
            at = text.first(LineKind.TAGS, 0);
        }
        if (at < 0) {
            return List.of();
        }
        String first = text.lines[at];
        int start = keywordEnd(first);
        StringBuilder all = new StringBuilder(first.substring(start));
        // The TAGS line may wrap; a continuation holds only tag-like tokens (09SANTIAGO324: "... UK PK" / "AF").
        for (int i = at + 1; i < text.size() && i <= at + 2; i++) {
            if (text.kinds[i] != LineKind.TEXT || !looksLikeTags(text.lines[i])) {
                break;
            }
            all.append(' ').append(text.lines[i]);
        }
        return tags(all.toString(), warnings);
    }

    private static int keywordEnd(String line) {
        int i = 3;
        while (i < line.length() && Character.isLetter(line.charAt(i))) {
            i++;
        }
        while (i < line.length() && (line.charAt(i) == ':' || line.charAt(i) == ' ' || line.charAt(i) == ';')) {
            i++;
        }
        return i;
    }

    static List<Tag> tags(String s, Warnings warnings) {
        Set<String> seen = new LinkedHashSet<>();
        List<Tag> out = new ArrayList<>();
        boolean afterVip = false;
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '(') {
                int close = s.indexOf(')', i);
                int end = close < 0 ? n : close;
                String person = Strings.collapse(s.substring(i + 1, end));
                if (!person.isEmpty() && seen.add(person)) {
                    out.add(new Tag(person.toUpperCase(), TagKind.PERSON));
                }
                i = end + 1;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == '_')) {
                j++;
            }
            String code = s.substring(i, j).toUpperCase();
            i = j;
            String[] parts = TagCatalog.split(code);
            if (parts != null) {
                warnings.add("TAGS_RUN_TOGETHER", code + " read as " + String.join(" ", parts));
            }
            for (String part : parts == null ? new String[]{code} : parts) {
                TagKind kind = kind(part, afterVip);
                afterVip = afterVip || part.equals("OVIP");
                if (seen.add(part)) {
                    out.add(new Tag(part, kind));
                }
            }
        }
        return out;
    }

    static TagKind kind(String code, boolean afterVip) {
        if (ORGANISATIONS.contains(code)) {
            return TagKind.ORGANISATION;
        }
        int len = code.length();
        if (len == 2 && Character.isLetter(code.charAt(0))) {
            return TagKind.COUNTRY;
        }
        if (len == 4 && code.charAt(0) == 'K') {
            return TagKind.PROGRAM;
        }
        if (afterVip && len >= 3 && len != 4) {
            return TagKind.PERSON;
        }
        return TagKind.SUBJECT;
    }

    /** A line of upper-case codes only, e.g. the wrapped rest of a TAGS line. */
    private static boolean looksLikeTags(String line) {
        if (line.length() > 60) {
            return false;
        }
        for (String token : SEPARATORS.split(line)) {
            if (token.isEmpty()) {
                continue;
            }
            if (token.length() > 6 || !token.equals(token.toUpperCase()) || !Character.isLetter(token.charAt(0))) {
                return false;
            }
        }
        return true;
    }
}
