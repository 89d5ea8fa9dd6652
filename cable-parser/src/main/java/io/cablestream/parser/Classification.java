package io.cablestream.parser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The classification as the release spells it ({@code SECRET//NOFORN}), with the caveats of the classification
 * line and of the caveat lines below it, and the section n of m.
 */
final class Classification {

    final String value;
    final List<String> caveats;
    final ClassificationLine line;

    private Classification(String value, List<String> caveats, ClassificationLine line) {
        this.value = value;
        this.caveats = caveats;
        this.line = line;
    }

    static Classification extract(CableText text, String normalised, Warnings warnings) {
        ClassificationLine line = null;
        int at = text.classificationLine;
        if (at >= 0) {
            line = ClassificationLine.parse(text.lines[at]);
        } else {
            at = text.first(LineKind.CLASSIFICATION_BARE);
            if (at >= 0) {
                line = ClassificationLine.parseBare(text.lines[at]);
            }
        }
        Set<String> caveats = new LinkedHashSet<>();
        if (line == null) {
            warnings.add("NO_CLASSIFICATION", "no classification line found");
            return new Classification(null, List.of(), null);
        }
        addCaveats(line.caveats(), caveats);
        for (int i = at + 1; i < text.size() && i < at + 12; i++) {
            LineKind k = text.kinds[i];
            if (k == LineKind.CAVEAT) {
                addCaveats(text.lines[i], caveats);
            } else if (k == LineKind.TAGS || k == LineKind.SUBJECT || k == LineKind.PARAGRAPH) {
                break;
            }
        }
        String level = level(line.level());
        String value = level;
        if (level.equals("UNCLASSIFIED") && (caveats.contains("SENSITIVE") || caveats.contains("FOUO")
                || line.level().contains("SENSITIVE") || normalised.contains("(SBU)"))) {
            value = "UNCLASSIFIED//FOR OFFICIAL USE ONLY";
        }
        if (caveats.contains("NOFORN")) {
            value = value + "//NOFORN";
        }
        return new Classification(value, new ArrayList<>(caveats), line);
    }

    private static void addCaveats(String s, Set<String> into) {
        if (s == null || s.isEmpty()) {
            return;
        }
        if (s.contains("FOR OFFICIAL USE ONLY")) {
            into.add("FOUO");
        }
        for (String token : s.split("[\\s/,]+")) {
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
        if (word.startsWith("CONFIDENTIAL")) {
            return "CONFIDENTIAL";
        }
        return "UNCLASSIFIED";
    }
}
