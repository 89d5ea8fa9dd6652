package io.cablestream.parser;

import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wall-clock time one parse may take. {@link CableParser} opens a budget per parse on its thread; extractors
 * reach it through the static helpers, so none of their signatures carries it:
 * <ul>
 *   <li>{@link #matcher(Pattern, CharSequence)} instead of {@code pattern.matcher(text)}: the matcher reads the text
 *       through a view that looks at the clock every {@value #CHECK_EVERY} characters read, so a regex that
 *       backtracks without end is stopped inside the match;</li>
 *   <li>{@link #check()} between stages and in long loops.</li>
 * </ul>
 * Past the deadline both throw {@link Exhausted}, which only {@link CableParser} catches (it returns the fields
 * found so far with a {@code PARSE_TIMEOUT} warning). Outside a parse (an extractor called from a unit test) there is
 * no budget: {@code matcher} is the plain matcher and {@code check} does nothing.
 */
final class ParseBudget implements AutoCloseable {

    /**
     * Characters read between two looks at the clock: System.nanoTime() costs ~25 ns, a regex reads a character in
     * a few, so the check adds well under 1% and lets a runaway match overshoot the deadline by microseconds only.
     */
    static final int CHECK_EVERY = 4096;

    private static final ThreadLocal<ParseBudget> CURRENT = new ThreadLocal<>();

    private final LongSupplier clock;
    private final long deadline;
    private final ParseBudget previous;
    private int reads;

    private ParseBudget(long nanos, LongSupplier clock) {
        this.clock = clock;
        this.deadline = clock.getAsLong() + Math.min(nanos, Long.MAX_VALUE / 4);
        this.previous = CURRENT.get();
    }

    /**
     * Opens a budget of {@code nanos} on {@code clock} (System::nanoTime; a test's own clock to stop a parse at a
     * chosen point) for the calling thread; close it when the parse ends.
     */
    static ParseBudget open(long nanos, LongSupplier clock) {
        ParseBudget budget = new ParseBudget(nanos, clock);
        CURRENT.set(budget);
        return budget;
    }

    @Override
    public void close() {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** A matcher over {@code text} that throws {@link Exhausted} once the current parse's budget is spent. */
    static Matcher matcher(Pattern pattern, CharSequence text) {
        ParseBudget budget = CURRENT.get();
        return pattern.matcher(budget == null ? text : new Watched(text, budget));
    }

    /** Throws {@link Exhausted} if the current parse is past its deadline. */
    static void check() {
        ParseBudget budget = CURRENT.get();
        if (budget != null) {
            budget.checkNow();
        }
    }

    private void checkNow() {
        if (clock.getAsLong() - deadline > 0) {
            throw new Exhausted();
        }
    }

    private void read() {
        if (++reads == CHECK_EVERY) {
            reads = 0;
            checkNow();
        }
    }

    /** The deadline has passed. Without a stack trace: it is control flow, caught one frame up from the parse. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("parse budget exhausted", null, false, false);
        }
    }

    /** A text whose every read counts against the budget; its sub-sequences (a matcher's groups) are the text's own. */
    private static final class Watched implements CharSequence {
        private final CharSequence text;
        private final ParseBudget budget;

        Watched(CharSequence text, ParseBudget budget) {
            this.text = text;
            this.budget = budget;
        }

        @Override
        public char charAt(int index) {
            budget.read();
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
