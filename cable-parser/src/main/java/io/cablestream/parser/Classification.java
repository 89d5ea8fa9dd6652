package io.cablestream.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classification as the release spells it ({@code SECRET//NOFORN}), with the caveats of the classification
 * line and of the caveat lines below it, and the section n of m.
 */
final class Classification {

    final String value;
    final List<String> caveats;
    final ClassificationLine line;

    /** Compiled once: String.split compiles a regex of more than one character on every call. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s/,]+");

    private Classification(String value, List<String> caveats, ClassificationLine line) {
        this.value = value;
        this.caveats = caveats;
        this.line = line;
    }

    static Classification extract(CableText text, String normalised, ReleaseHeader release, Warnings warnings) {
        ClassificationLine line = null;
        int at = text.classificationLine;
        if (at >= 0) {
            line = text.classification;
        } else {
            at = text.first(LineKind.CLASSIFICATION_BARE);
            if (at >= 0) {
                line = ClassificationLine.parseBare(text.lines[at]);
            }
        }
        Set<String> caveats = new LinkedHashSet<>();
        if (line == null) {
            if (release != null && release.classification() != null) {
                warnings.add("CLASSIFICATION_FROM_RELEASE_HEADER", "no classification line; the release header's is used");
                return new Classification(release.classification(), List.of(), null);
            }
            String marked = ParagraphMarkings.highest(text);
            if (marked != null) {
                warnings.add("CLASSIFICATION_FROM_MARKINGS", "no classification line; the highest paragraph marking is used");
                return new Classification(marked, List.of(), null);
            }
            warnings.add("NO_CLASSIFICATION", "no classification line found");
            return new Classification(null, List.of(), null);
        }
        addCaveats(line.caveats(), caveats);
        // The caveat zone: the rest of the classification line and the lines down to TAGS/SUBJECT; flattened
        // feeds glue its words together (06ISLAMABAD22025: "022025SIPDISNOFORN SIPDISE.O."), so look for them inside.
        boolean sensitive = false;
        boolean noforn = false;
        for (int i = at; i < text.size() && i < at + 40; i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.TAGS || k == LineKind.SUBJECT || k == LineKind.PARAGRAPH) {
                break;
            }
            String l = text.lines[i];
            if (k == LineKind.CAVEAT) {
                addCaveats(l, caveats);
            }
            sensitive |= l.contains("SENSITIVE");
            noforn |= l.contains("NOFORN") || l.contains("Noforn");
        }
        if (sensitive) {
            caveats.add("SENSITIVE");
        }
        if (noforn) {
            caveats.add("NOFORN");
        }
        String level = level(line.level());
        String value = level;
        // The release calls an UNCLAS cable "FOR OFFICIAL USE ONLY" when it is sensitive (1,097 of the 1,200 with
        // SBU paragraphs or SENSITIVE); it never writes UNCLASSIFIED//NOFORN.
        if (level.equals("UNCLASSIFIED")) {
            if (sensitive || caveats.contains("FOUO") || line.level().contains("SENSITIVE")
                    || (damaged(warnings) && normalised.contains("(SBU"))) {
                value = "UNCLASSIFIED//FOR OFFICIAL USE ONLY";
            }
        } else if (noforn) {
            value = value + "//NOFORN";
        }
        if (release != null && release.classification() != null && !release.classification().equals(value)) {
            warnings.add("CLASSIFICATION_MISMATCH", "text gives " + value + ", release header "
                    + release.classification());
            value = release.classification();
        }
        return new Classification(value, new ArrayList<>(caveats), line);
    }

    /**
     * SBU paragraphs alone do not make a clean cable FOUO (74 of 83 such corpus cables are plain UNCLASSIFIED: the
     * SENSITIVE caveat line is what decides). A text with at least two kinds of conversion damage (markup, OCR
     * pilcrows, a truncated duplicate SUBJECT, as 09USOSCE86-ocr) may have lost its caveat lines, so there the SBU
     * paragraphs decide. One kind alone is common in feeds and says little.
     */
    private static boolean damaged(Warnings warnings) {
        int kinds = (warnings.has(Normaliser.MARKUP) ? 1 : 0) + (warnings.has(Normaliser.OCR) ? 1 : 0)
                + (warnings.has(SubjectExtractor.DUPLICATE) ? 1 : 0);
        return kinds >= 2;
    }

    private static void addCaveats(String s, Set<String> into) {
        if (s == null || s.isEmpty()) {
            return;
        }
        if (s.contains("FOR OFFICIAL USE ONLY")) {
            into.add("FOUO");
        }
        for (String token : SEPARATORS.split(s)) {
            String t = token.replace(".", "");
            if (t.equals("NF")) {
                t = "NOFORN";
            }
            if (LineScanner.CAVEATS.contains(t)) {
                into.add(t);
            }
        }
    }

    /** The release's spelling of a classification word. */
    static String level(String word) {
        if (word.startsWith("TOP")) {
            return "TOP SECRET";
        }
        if (word.startsWith("SECRET")) {
            return "SECRET";
        }
        if (word.contains("ONFIDENTIAL")) {
            return "CONFIDENTIAL";
        }
        return "UNCLASSIFIED";
    }
}
