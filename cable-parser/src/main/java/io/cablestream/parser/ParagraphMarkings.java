package io.cablestream.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The highest portion marking of the paragraphs, e.g. (C) over (SBU): the classification a cable without its line has. */
final class ParagraphMarkings {

    private static final Pattern MARKING = Pattern.compile("^(?:\u00b6\\s*)?\\d{1,2}\\s?\\.\\s*\\((TS|S|C|SBU|U)(/NF|//NF)?\\)");

    private ParagraphMarkings() {
    }

    static String highest(CableText text) {
        int rank = -1;
        boolean noforn = false;
        for (int i = 0; i < text.size(); i++) {
            if (text.kinds[i] != LineKind.PARAGRAPH) {
                continue;
            }
            Matcher m = MARKING.matcher(text.lines[i]);
            if (m.lookingAt()) {
                rank = Math.max(rank, rank(m.group(1)));
                noforn |= m.group(2) != null;
            }
        }
        String level = switch (rank) {
            case 4 -> "TOP SECRET";
            case 3 -> "SECRET";
            case 2 -> "CONFIDENTIAL";
            case 1 -> "UNCLASSIFIED//FOR OFFICIAL USE ONLY";
            case 0 -> "UNCLASSIFIED";
            default -> null;
        };
        return level != null && noforn && rank >= 2 ? level + "//NOFORN" : level;
    }

    private static int rank(String marking) {
        return switch (marking) {
            case "TS" -> 4;
            case "S" -> 3;
            case "C" -> 2;
            case "SBU" -> 1;
            default -> 0;
        };
    }
}
