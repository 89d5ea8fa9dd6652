package io.cablestream.parser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tags that TAGS lines write in words ({@code HUMAN RIGHTS}, {@code BIDEN JOSEPH} as {@code BIDEN, JOSEPH},
 * {@code TIP IN TURKEY}) and misspelt codes ({@code MOPPS}), from {@code tag-phrases.txt}.
 */
final class TagPhrases {

    private record Phrase(String[] words, String canonical) {
    }

    /** Phrases by their first word, longest first. */
    private static final Map<String, List<Phrase>> PHRASES = new HashMap<>();
    private static final Map<String, String[]> FIXES = new HashMap<>();

    static {
        try (InputStream in = TagPhrases.class.getResourceAsStream("tag-phrases.txt")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|");
                String[] words = parts[0].split(" ");
                if (words.length == 1) {
                    FIXES.put(words[0], parts[1].split(" "));
                } else {
                    PHRASES.computeIfAbsent(words[0], k -> new ArrayList<>()).add(new Phrase(words, parts[1]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PHRASES.values().forEach(l -> l.sort((a, b) -> b.words().length - a.words().length));
    }

    private TagPhrases() {
    }

    /**
     * The phrase starting at {@code words[at]}: {canonical, number of words, rest}, or null. Its last word may run
     * into the next tag ({@code HUMAN RIGHTSPOLMIL}): {@code rest} is then that tag (POLMIL), else null.
     */
    static Object[] match(List<String> words, int at) {
        List<Phrase> candidates = PHRASES.get(words.get(at));
        if (candidates == null) {
            return null;
        }
        for (Phrase p : candidates) {
            if (at + p.words().length > words.size()) {
                continue;
            }
            StringBuilder canonical = new StringBuilder(p.canonical());
            boolean ok = true;
            String rest = null;
            int last = p.words().length - 1;
            for (int k = 0; k <= last && ok; k++) {
                String w = words.get(at + k);
                String pw = p.words()[k];
                if (pw.equals("*")) {
                    int star = canonical.indexOf("*");
                    canonical.replace(star, star + 1, w);
                    ok = Character.isLetter(w.charAt(0));
                } else if (k == last && w.length() > pw.length() && w.startsWith(pw)
                        && isCode(w.substring(pw.length()))) {
                    rest = w.substring(pw.length());
                } else {
                    ok = pw.equals(w);
                }
            }
            if (ok) {
                return new Object[]{canonical.toString(), p.words().length, rest};
            }
        }
        return null;
    }

    private static boolean isCode(String s) {
        return TagCatalog.known(s) || FIXES.containsKey(s) || TagCatalog.split(s) != null;
    }

    /** The codes a misspelt or run-together code stands for, or null. */
    static String[] fix(String code) {
        return FIXES.get(code);
    }
}
