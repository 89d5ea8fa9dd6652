package io.cablestream.store.web;

import java.util.Locale;

/**
 * The colour of a classification as US markings show it: UNCLASSIFIED green, CONFIDENTIAL blue, SECRET red, TOP
 * SECRET orange; a CSS class of ui.css. Works on a cable's classification line ("SECRET//NOFORN") and on a portion
 * marking ("S", "C//NF", "SBU").
 */
public final class Marking {

    private Marking() {
    }

    /** The CSS class of a cable's classification, {@code level-unknown} when it could not be read. */
    public static String cssClass(String classification) {
        if (classification == null || classification.isBlank()) {
            return "level-unknown";
        }
        String upper = classification.toUpperCase(Locale.ROOT);
        if (upper.startsWith("TOP SECRET") || upper.startsWith("TS")) {
            return "level-top-secret";
        }
        if (upper.startsWith("SECRET") || upper.equals("S") || upper.startsWith("S//")) {
            return "level-secret";
        }
        if (upper.startsWith("CONFIDENTIAL") || upper.equals("C") || upper.startsWith("C//")) {
            return "level-confidential";
        }
        if (upper.startsWith("UNCLASSIFIED") || upper.equals("U") || upper.startsWith("U//") || upper.equals("SBU")) {
            return "level-unclassified";
        }
        return "level-unknown";
    }
}
