package io.cablestream.store.service;

import io.cablestream.auth.Clearance.Level;
import io.cablestream.auth.Clearance;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a portion marking says: {@code (U)}, {@code (SBU)} and {@code (U/FOUO)} are UNCLASSIFIED (the last two with
 * FOUO), {@code (C)}, {@code (S)}, {@code (TS)} the levels, and a control after a slash ({@code S/NF},
 * {@code C//NOFORN}, {@code S/ORCON}) is required too; {@code REL ...} restricts nothing more. A marking that does
 * not read is no marking: the portion counts as its cable's level.
 */
public final class PortionMarkings {

    /** A portion's level and controls. */
    public record Portion(Level level, Set<String> controls) {
    }

    private static final Pattern SUBJECT_MARKING = Pattern.compile(
            "(?m)^[ \\t]*SUBJ(?:ECT)?[ \\t]*:[ \\t]*\\(([A-Za-z/ ]{1,16})\\)");

    private PortionMarkings() {
    }

    public static Optional<Portion> read(String marking) {
        if (marking == null || marking.isBlank()) {
            return Optional.empty();
        }
        String[] parts = marking.trim().toUpperCase(Locale.ROOT).split("/+");
        Level level = switch (parts[0].trim()) {
            case "U", "SBU", "LOU", "FOUO" -> Level.UNCLASSIFIED;
            case "C" -> Level.CONFIDENTIAL;
            case "S" -> Level.SECRET;
            case "TS" -> Level.TOP_SECRET;
            default -> null;
        };
        if (level == null) {
            return Optional.empty();
        }
        Set<String> controls = new LinkedHashSet<>();
        if (!parts[0].trim().equals("U") && level == Level.UNCLASSIFIED) {
            controls.add("FOUO");
        }
        for (int i = 1; i < parts.length; i++) {
            String control = parts[i].trim();
            control = control.equals("NF") ? "NOFORN" : control;
            if (Clearance.CONTROLS.contains(control)) {
                controls.add(control);
            }
        }
        return Optional.of(new Portion(level, Set.copyOf(controls)));
    }

    /** The marking at the start of the text's SUBJECT line ({@code SUBJECT: (C) ...}), or null. */
    public static String subjectMarking(String rawText) {
        if (rawText == null) {
            return null;
        }
        Matcher m = SUBJECT_MARKING.matcher(rawText);
        return m.find() ? m.group(1) : null;
    }
}
