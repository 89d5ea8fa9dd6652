package io.cablestream.auth;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a reader may see: a level ({@code UNCLASSIFIED} &lt; {@code CONFIDENTIAL} &lt; {@code SECRET} &lt;
 * {@code TOP SECRET}) and the dissemination controls granted ({@link #CONTROLS}). A token carries them in the
 * claims {@link #LEVEL_CLAIM} and {@link #CONTROLS_CLAIM}. A cable is visible when its level is at most the reader's
 * and every control it carries is granted; the store decides that in SQL (V8), from these values.
 */
public record Clearance(Level level, Set<String> controls) {

    /** The token claim with the reader's level, e.g. {@code "SECRET"}. */
    public static final String LEVEL_CLAIM = "clearance";
    /** The token claim with the controls granted, e.g. {@code ["NOFORN", "NODIS"]}. */
    public static final String CONTROLS_CLAIM = "caveats";

    /**
     * The controls that restrict who may read a cable. {@code FOUO} stands for the release's {@code FOR OFFICIAL USE
     * ONLY} and the {@code SENSITIVE} (SBU) caveat; {@code SIPDIS} and captions such as {@code CHEROKEE} restrict
     * nothing and are not controls.
     */
    public static final Set<String> CONTROLS = Set.of("NOFORN", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON",
            "NOCONTRACT", "PROPIN", "FOUO");

    /** The classification levels, lowest first; {@link #rank()} is the order the store compares. */
    public enum Level {
        UNCLASSIFIED("UNCLASSIFIED"), CONFIDENTIAL("CONFIDENTIAL"), SECRET("SECRET"), TOP_SECRET("TOP SECRET");

        private final String label;

        Level(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public int rank() {
            return ordinal();
        }

        /** The level of {@link #rank()} {@code rank}. */
        public static Level ofRank(int rank) {
            return values()[rank];
        }

        /** {@code "SECRET"}, {@code "top secret"}, {@code "TOP_SECRET"}; an unknown level is an error. */
        public static Level of(String label) {
            String wanted = label == null ? "" : label.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
            for (Level level : values()) {
                if (level.label.equals(wanted)) {
                    return level;
                }
            }
            throw new IllegalArgumentException("unknown clearance level '" + label + "'; one of "
                    + List.of("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET"));
        }
    }

    public Clearance {
        controls = Set.copyOf(controls);
        for (String control : controls) {
            if (!CONTROLS.contains(control)) {
                throw new IllegalArgumentException("unknown control '" + control + "'; one of " + new TreeSet<>(CONTROLS));
            }
        }
    }

    /** The clearance of the claims' values; controls are matched in upper case. */
    public static Clearance of(String level, Collection<String> controls) {
        return new Clearance(Level.of(level), controls == null ? Set.of()
                : Set.copyOf(controls.stream().map(c -> c.trim().toUpperCase(Locale.ROOT)).toList()));
    }

    /** Every level and every control: the only reader who sees a record whose classification could not be read. */
    public static Clearance everything() {
        return new Clearance(Level.TOP_SECRET, CONTROLS);
    }

    public boolean isEverything() {
        return level == Level.TOP_SECRET && controls.containsAll(CONTROLS);
    }

    /**
     * Whether a portion of this level and controls may be read: Java's side of the store's SQL {@code cable_visible}
     * (V8), for the paragraph markings the database does not see; {@code ClearanceRuleTest} holds the two equal.
     */
    public boolean permits(Level portionLevel, Set<String> portionControls) {
        return portionLevel.rank() <= level.rank() && controls.containsAll(portionControls);
    }

    /** The controls, sorted: for a SQL array parameter and a log line. */
    public String[] sortedControls() {
        return new TreeSet<>(controls).toArray(new String[0]);
    }
}
