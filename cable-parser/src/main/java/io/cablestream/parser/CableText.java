package io.cablestream.parser;

/**
 * The model every extractor reads: the normalised text split once into trimmed lines with their kinds, plus the
 * positions of the landmarks (classification line, DTG) the scan found.
 */
final class CableText {

    /** The normalised text the lines were cut from, and where each (trimmed) line starts in it. */
    final String source;
    final int[] offsets;
    final String[] lines;
    final LineKind[] kinds;
    /** Index of the first full classification line, -1 if none, and that line parsed (null if none). */
    final int classificationLine;
    final ClassificationLine classification;
    /** Index of the first line of the body (classification line or first body field), lines.length if none. */
    final int bodyStart;

    CableText(String source, int[] offsets, String[] lines, LineKind[] kinds, int classificationLine,
              ClassificationLine classification, int bodyStart) {
        this.source = source;
        this.offsets = offsets;
        this.lines = lines;
        this.kinds = kinds;
        this.classificationLine = classificationLine;
        this.classification = classification;
        this.bodyStart = bodyStart;
    }

    /** Index of the line that holds character {@code position} of the source. */
    int lineAt(int position) {
        int i = java.util.Arrays.binarySearch(offsets, position);
        return i >= 0 ? i : Math.max(0, -i - 2);
    }

    int size() {
        return lines.length;
    }

    /** Index of the first line of this kind at or after {@code from}, or -1. */
    int first(LineKind kind, int from) {
        for (int i = Math.max(0, from); i < kinds.length; i++) {
            if (kinds[i] == kind) {
                return i;
            }
        }
        return -1;
    }

    int first(LineKind kind) {
        return first(kind, 0);
    }

    /**
     * The release's pages wrap long lines at this width without regard to words: a line of exactly this length
     * followed by one that starts without a blank was cut inside a word ({@code ... Hoyt Y} / {@code ee for reasons}).
     */
    static final int WRAP_WIDTH = 71;

    /** Does line {@code i}, cut at the wrap width, go on without a blank on line {@code next}? */
    boolean cutInsideWord(int i, int next) {
        if (next >= lines.length || lines[next].isEmpty() || lines[i].isEmpty()) {
            return false;
        }
        return physicalStart(next) == offsets[next] && offsets[i] - physicalStart(i) + lines[i].length() == WRAP_WIDTH;
    }

    /** Where line {@code i} starts in the source, before its leading blanks. */
    private int physicalStart(int i) {
        return i == 0 ? 0 : source.lastIndexOf('\n', Math.max(0, offsets[i] - 1)) + 1;
    }

    /** Index of the next non-blank line after {@code i}, or -1. */
    int nextNonBlank(int i) {
        for (int j = i + 1; j < kinds.length; j++) {
            if (kinds[j] != LineKind.BLANK && kinds[j] != LineKind.PAGE_BREAK && kinds[j] != LineKind.FURNITURE) {
                return j;
            }
        }
        return -1;
    }
}
