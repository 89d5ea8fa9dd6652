package io.cablestream.events;

/**
 * Orders parser versions ({@code MAJOR.MINOR.PATCH}) so that a store keeps the result of the newest parser.
 * A version that does not parse orders before every real one.
 */
public final class ParserVersion {

    private ParserVersion() {
    }

    /** A number that grows with the version: 1.2.3 gives 1_002_003. */
    public static long order(String version) {
        if (version == null) {
            return -1;
        }
        String[] parts = version.split("[.-]", 4);
        long order = 0;
        for (int i = 0; i < 3; i++) {
            long part = 0;
            if (i < parts.length) {
                try {
                    part = Math.min(999, Long.parseLong(parts[i]));
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
            order = order * 1000 + part;
        }
        return order;
    }
}
