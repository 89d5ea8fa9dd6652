package io.cablestream.parser;

import java.util.Arrays;

/**
 * Where each character of the normalised text was in the decoded text, whose spans the event carries: each
 * normalisation step that changes the text adds the positions of its output in its input.
 */
final class SourcePositions {

    /** {@code source[i]}: position in the decoded text of normalised character i; one more for the end. Null: same. */
    private int[] source;
    /**
     * While the only step is the insertion of line breaks (glued fields moved to lines of their own, one cable in
     * seven), {@code source} stays null and the breaks are kept instead of a position per character: break k was
     * put before decoded character {@code breaks[k]}, in increasing order.
     */
    private int[] breaks;
    private int breakCount;
    private int insertedIntoLength;

    /** The decoded position of normalised position {@code i} (0 to the normalised length, inclusive). */
    int of(int i) {
        if (breaks != null) {
            int at = Math.max(0, Math.min(i, insertedIntoLength + breakCount));
            // break k stands at breaks[k] + k; it and each character after it are one further than in the input
            int before = 0;
            while (before < breakCount && breaks[before] + before < at) {
                before++;
            }
            return at - before;
        }
        if (source == null) {
            return i;
        }
        return source[Math.max(0, Math.min(i, source.length - 1))];
    }

    /**
     * The decoded end of normalised character {@code i}: where the next one starts when at most three characters
     * stood for it (CR LF, a mis-decoded UTF-8 pair or triple), else just after its first (what follows it was
     * removed: markup, a control character).
     */
    int endOf(int i) {
        int start = of(i);
        int next = of(i + 1);
        return next - start <= 3 ? next : start + 1;
    }

    /**
     * A step put {@code count} line breaks into its input of {@code inputLength} characters, break k before input
     * character {@code breaks[k]} (increasing); each break stands for the character it was put before.
     */
    void followInsertions(int[] breaks, int count, int inputLength) {
        if (source == null && this.breaks == null) {
            this.breaks = breaks;
            this.breakCount = count;
            this.insertedIntoLength = inputLength;
            return;
        }
        Trail trail = new Trail(inputLength + count);
        int from = 0;
        for (int k = 0; k < count; k++) {
            trail.copy(from, breaks[k]);
            trail.add(breaks[k]);
            from = breaks[k];
        }
        trail.copy(from, inputLength);
        follow(trail.end(inputLength));
    }

    /** A step turned its input into an output whose character j was input character {@code step[j]}. */
    void follow(int[] step) {
        if (breaks != null) {
            source = materialised();
            breaks = null;
        }
        if (source == null) {
            source = step;
            return;
        }
        int[] composed = new int[step.length];
        for (int j = 0; j < step.length; j++) {
            composed[j] = source[step[j]];
        }
        source = composed;
    }

    /** The positions the kept breaks stand for, one per normalised character and one for the end. */
    private int[] materialised() {
        int[] out = new int[insertedIntoLength + breakCount + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = of(i);
        }
        return out;
    }

    /** The input positions of a step's output, recorded as the step appends to it. */
    static final class Trail {
        private int[] positions;
        private int size;

        Trail(int capacity) {
            positions = new int[Math.max(16, capacity + 1)];
        }

        /** Input characters {@code from} to {@code to} were copied. */
        void copy(int from, int to) {
            room(to - from);
            for (int k = from; k < to; k++) {
                positions[size++] = k;
            }
        }

        /** One output character stands for the input from {@code position}. */
        void add(int position) {
            room(1);
            positions[size++] = position;
        }

        /** The positions, with the end of the output at the end of the input. */
        int[] end(int inputLength) {
            add(inputLength);
            return size == positions.length ? positions : Arrays.copyOf(positions, size);
        }

        private void room(int more) {
            if (size + more > positions.length) {
                positions = Arrays.copyOf(positions, Math.max(positions.length * 2, size + more));
            }
        }
    }
}
