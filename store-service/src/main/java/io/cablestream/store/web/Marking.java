package io.cablestream.store.web;

import io.cablestream.auth.Clearance.Level;
import io.cablestream.store.service.PortionMarkings;

import java.util.Locale;

/**
 * The colour of a classification as US markings show it: UNCLASSIFIED green, CONFIDENTIAL blue, SECRET red, TOP
 * SECRET orange; a CSS class of ui.css. The level is read as the store reads it for clearance: a cable's
 * classification line as the database's {@code cable_level} (V8), a portion marking as {@link PortionMarkings}.
 */
public final class Marking {

    private static final String UNKNOWN = "level-unknown";

    private Marking() {
    }

    /** The CSS class of a cable's classification ("SECRET//NOFORN"), {@code level-unknown} when it has no level. */
    public static String ofClassification(String classification) {
        if (classification == null || classification.isBlank()) {
            return UNKNOWN;
        }
        try {
            return of(Level.of(classification.toUpperCase(Locale.ROOT).split("//", 2)[0]));
        } catch (IllegalArgumentException notALevel) {
            return UNKNOWN;
        }
    }

    /** The CSS class of a portion marking ("S", "C//NF", "S/NF", "SBU"), {@code level-unknown} when it is none. */
    public static String ofPortion(String marking) {
        return PortionMarkings.read(marking).map(portion -> of(portion.level())).orElse(UNKNOWN);
    }

    private static String of(Level level) {
        return "level-" + level.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
