package io.cablestream.parser;

import io.cablestream.events.ParsedCable.Tag;
import io.cablestream.events.ParsedCable.TagKind;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
        int from = text.bodyStart < text.size() ? text.bodyStart : 0;
        int[] at = find(text, from);
        if (at == null && from > 0) {
            at = find(text, 0);
        }
        if (at == null) {
            return List.of();
        }
        String first = cut(text.lines[at[0]].substring(at[1]));
        StringBuilder all = new StringBuilder(first);
        // The TAGS line may wrap: after a trailing comma anything continues it ("something," / "here"), else a
        // line of tag-like tokens only (09SANTIAGO324: "... UK PK" / "AF")
        for (int i = at[0] + 1; i < text.size() && i <= at[0] + 2; i++) {
            boolean open = all.toString().stripTrailing().endsWith(",");
            if (text.kinds[i] != LineKind.TEXT || text.lines[i].length() > 80
                    || !(open || looksLikeTags(text.lines[i]))) {
                break;
            }
            all.append(' ').append(cut(text.lines[i]));
        }
        return tags(all.toString(), warnings);
    }

    /**
     * The TAGS line at or after line {@code from}: {line, index after the keyword}. The keyword as cables write it
     * ({@code TAGS}, {@code TAG}, {@code Tags:}, and the typos {@code TAGES:}, {@code TAS:}, {@code TABS:},
     * {@code TGS:}) at the start of a line, or {@code TAGS:} after an E.O. line's text; null if none.
     */
    private static int[] find(CableText text, int from) {
        int limit = Math.min(text.size(), from + 80);
        int marked = text.first(LineKind.TAGS, from);
        int paragraph = text.first(LineKind.PARAGRAPH, from);
        if (marked >= 0 && marked < limit && (paragraph < 0 || marked < paragraph) && !inlineBefore(text, from, marked)) {
            return new int[]{marked, keywordEnd(text.lines[marked], 0)}; // the common case: a line the scan marked
        }
        for (int i = from; i < limit; i++) {
            String line = text.lines[i];
            if (text.kinds[i] == LineKind.PARAGRAPH) {
                break;
            }
            if (text.kinds[i] == LineKind.TAGS) {
                return new int[]{i, keywordEnd(line, 0)};
            }
            for (String typo : TYPOS) {
                if (line.regionMatches(true, 0, typo, 0, typo.length())) {
                    return new int[]{i, typo.length()};
                }
            }
            int inline = indexOfIgnoreCase(line, "TAGS:");
            if (inline > 0 && line.charAt(inline - 1) == ' ') {
                return new int[]{i, keywordEnd(line, inline)};
            }
        }
        return null;
    }

    /** Is there an E.O. line above the marked TAGS line that may hold tags of its own ({@code ... Tags: prel})? */
    private static boolean inlineBefore(CableText text, int from, int marked) {
        for (int i = from; i < marked; i++) {
            if (text.kinds[i] == LineKind.EO && indexOfIgnoreCase(text.lines[i], "TAGS:") > 0) {
                return true;
            }
        }
        return false;
    }

    private static final String[] TYPOS = {"TAGES:", "TAS:", "TABS:", "TGS:", "TAGSS:"};

    /** Where "TAGS:" (any case) stands in the line, or -1: found through "AGS:"/"ags:", rarer than a "t". */
    private static int indexOfIgnoreCase(String line, String word) {
        String rest = word.substring(1);
        for (String form : new String[]{rest, rest.toLowerCase(Locale.ROOT)}) {
            for (int at = line.indexOf(form, 1); at > 0; at = line.indexOf(form, at + 1)) {
                if (line.regionMatches(true, at - 1, word, 0, word.length())) {
                    return at - 1;
                }
            }
        }
        return -1;
    }

    /**
     * The tags of a line without what follows them on it: a subject glued to them ({@code Subject: ...}) and page
     * furniture after a wide gap ({@code PE                          SECRET       PAGE 02}).
     */
    private static String cut(String s) {
        int end = s.length();
        int gap = s.indexOf("     ");
        if (gap >= 0) {
            end = gap;
        }
        int subject = indexOfIgnoreCaseS(s, "SUBJECT");
        if (subject >= 0 && subject < end) {
            end = subject;
        }
        return s.substring(0, end);
    }

    private static int indexOfIgnoreCaseS(String s, String word) {
        for (int at = 0; at + word.length() <= s.length(); at++) {
            char c = s.charAt(at);
            if ((c == 'S' || c == 's') && s.regionMatches(true, at, word, 0, word.length())
                    && (at == 0 || s.charAt(at - 1) == ' ')) {
                return at;
            }
        }
        return -1;
    }

    private static int keywordEnd(String line, int at) {
        int i = at + 3;
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
        List<String> words = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '(') {
                int close = s.indexOf(')', i);
                int end = close < 0 ? n : close;
                String person = Strings.collapse(s.substring(i + 1, end));
                afterVip = addWords(words, out, seen, afterVip, warnings);
                if (!person.isEmpty() && seen.add(person.toUpperCase())) {
                    out.add(new Tag(person.toUpperCase(), TagKind.PERSON));
                }
                i = end + 1;
                continue;
            }
            if (!Character.isLetterOrDigit(c)) {
                if (c == ',' || c == ';') {
                    afterVip = addWords(words, out, seen, afterVip, warnings);
                }
                i++;
                continue;
            }
            int j = i;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '-' || s.charAt(j) == '_')) {
                j++;
            }
            words.add(s.substring(i, j).toUpperCase());
            i = j;
        }
        addWords(words, out, seen, afterVip, warnings);
        return out;
    }

    /** The words since the last comma as tags: phrases of the catalog first, then one code a word. */
    private static boolean addWords(List<String> words, List<Tag> out, Set<String> seen, boolean afterVip,
                                    Warnings warnings) {
        boolean vip = afterVip;
        for (int w = 0; w < words.size(); w++) {
            Object[] phrase = TagPhrases.match(words, w);
            if (phrase != null) {
                String code = (String) phrase[0];
                if (seen.add(code)) {
                    out.add(new Tag(code, code.indexOf(',') > 0 ? TagKind.PERSON : TagKind.SUBJECT));
                }
                w += (Integer) phrase[1] - 1;
                if (phrase[2] != null) {
                    words.set(w, (String) phrase[2]); // the tag run into the phrase's last word is read next
                    w--;
                }
                continue;
            }
            String code = words.get(w);
            if (code.equals("SIPDIS")) { // a handling caveat typed into the TAGS line, not a tag
                continue;
            }
            String[] parts = TagPhrases.fix(code);
            if (parts == null) {
                parts = TagCatalog.split(code);
                if (parts != null) {
                    warnings.add("TAGS_RUN_TOGETHER", code + " read as " + String.join(" ", parts));
                }
            }
            for (String part : parts == null ? new String[]{code} : parts) {
                TagKind kind = kind(part, vip);
                vip = vip || part.equals("OVIP");
                if (seen.add(part)) {
                    out.add(new Tag(part, kind));
                }
            }
        }
        words.clear();
        return vip;
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
