package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Warning;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every parse has a time budget: past it the parse returns what it has, with a PARSE_TIMEOUT warning. */
class ParseBudgetTest {

    /**
     * Adjacent quantifiers over the same character in a bounded repetition, as the classification line's caveats
     * were: the JDK's loop memo does not apply, so a failing match tries every cut of the a's (7 s for 16 of them).
     */
    private static final Pattern CATASTROPHIC = Pattern.compile("(?:a*a*){1,40}b");

    @Test
    void aRegexThatBacktracksWithoutEndIsStoppedAtTheDeadline() {
        long start = System.nanoTime();
        try (ParseBudget ignored = ParseBudget.open(Duration.ofMillis(20).toNanos(), System::nanoTime)) {
            assertThatThrownBy(() -> ParseBudget.matcher(CATASTROPHIC, "a".repeat(40)).matches())
                    .isInstanceOf(ParseBudget.Exhausted.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void outsideAParseTheMatcherIsThePlainOneAndCheckDoesNothing() {
        ParseBudget.check();
        var m = ParseBudget.matcher(Pattern.compile("R(O)ME"), "ROME 001196");

        assertThat(m.lookingAt()).isTrue();
        assertThat(m.group(1)).isEqualTo("O");
    }

    @Test
    void closingABudgetRestoresTheOneItWasOpenedIn() {
        try (ParseBudget outer = ParseBudget.open(Duration.ofMillis(1).toNanos(), () -> 0)) {
            try (ParseBudget inner = ParseBudget.open(Duration.ofMillis(1).toNanos(), lateFrom(2))) {
                assertThatThrownBy(ParseBudget::check).isInstanceOf(ParseBudget.Exhausted.class);
            }
            ParseBudget.check();
        }
    }

    @Test
    void aTimeoutAtAnyPointGivesTheFieldsFoundByThenAndNoWrongOne() {
        byte[] cable = CableParserSeedTest.resource("09BAMAKO815.txt");
        ParsedCable full = new CableParser().parse(cable);
        boolean headerWithoutBody = false;
        // the budget's clock says "too late" from its n-th reading on (the first sets the deadline): the parse
        // stops at each checkpoint in turn
        for (int n = 2; n <= 40; n++) {
            ParsedCable c = new CableParser(Duration.ofSeconds(1), lateFrom(n)).parse(cable);

            assertThat(c.warnings()).extracting(Warning::code).doesNotContain("PARSER_ERROR");
            if (!codes(c).contains("PARSE_TIMEOUT")) {
                assertThat(c).as("a parse that ends in time").isEqualTo(full);
                continue;
            }
            assertThat(c.cableId()).isIn(null, full.cableId());
            assertThat(c.dtg()).isIn(null, full.dtg());
            assertThat(c.classification()).isIn(null, full.classification());
            assertThat(c.header()).isIn(null, full.header());
            assertThat(c.subject()).isNull();
            assertThat(c.paragraphs()).isEmpty();
            headerWithoutBody |= c.cableId() != null;
        }
        assertThat(headerWithoutBody).as("some timeout falls after the header is read").isTrue();
    }

    @Test
    void theBudgetMustBePositive() {
        assertThatThrownBy(() -> new CableParser(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A clock at 0 for its first n - 1 readings, then far past any deadline. */
    private static LongSupplier lateFrom(int n) {
        AtomicLong readings = new AtomicLong();
        return () -> readings.incrementAndGet() < n ? 0 : Long.MAX_VALUE / 2;
    }

    private static java.util.List<String> codes(ParsedCable c) {
        return c.warnings().stream().map(Warning::code).toList();
    }
}
