package io.cablestream.parser;

import io.cablestream.events.CableCharset;
import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCableBuilder;
import io.cablestream.events.ParsedCable.Section;
import io.cablestream.events.ParsedCable.Warning;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Raw bytes of one cable to a {@link ParsedCable}. Thread-safe and reusable; never throws: what it cannot read
 * becomes a warning and an absent field. Never hangs either: a parse that outlives its time budget returns the
 * fields found so far with a {@code PARSE_TIMEOUT} warning.
 */
public final class CableParser {

    /** Semantic version of the extraction, recorded in every event so that newer parses replace older ones. */
    public static final String VERSION = "2.0.0";

    /**
     * The release's own metadata delivered beside the text rather than in it, e.g. the id, date and
     * classification columns of a cables.csv row. Any of them may be null; a value that is not of the release's
     * form is ignored.
     */
    public record ReleaseMetadata(String cableId, String date, String classification) {
    }

    /**
     * The wall-clock time one parse may take by default. A corpus cable takes ~50 us and the fuzz test's worst input
     * under 50 ms of CPU, but a service on a loaded machine can stall a thread for a few hundred ms (GC, two cores
     * shared with the broker and the store): 200 ms timed out cables before their id was read, and they were
     * dead-lettered (ParseScalingIT). Two seconds is only reached by an input the parser cannot read in linear time.
     */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(2);

    private final long budgetNanos;
    private final LongSupplier clock;

    public CableParser() {
        this(DEFAULT_BUDGET);
    }

    /** A parser whose parses each stop after {@code budget} of wall-clock time (positive) with PARSE_TIMEOUT. */
    public CableParser(Duration budget) {
        this(budget, System::nanoTime);
    }

    /** As {@link #CableParser(Duration)} on another clock: tests stop a parse at a chosen point with it. */
    CableParser(Duration budget, LongSupplier clock) {
        this(nanos(budget), clock);
        Warmup.done();
    }

    private CableParser(long budgetNanos, LongSupplier clock) {
        this.budgetNanos = budgetNanos;
        this.clock = clock;
    }

    private static long nanos(Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the parse budget must be positive: " + budget);
        }
        return budget.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1).toNanos() : budget.toNanos();
    }

    /**
     * The text of the bytes as the parser reads it: UTF-8, or Windows-1252 where the bytes are not UTF-8 (never
     * replacement characters). Several times faster than {@code new String(raw, UTF_8)} on cables, whose pilcrows
     * send the JDK's decoder down its byte-by-byte path.
     */
    public static String text(byte[] raw) {
        return CableCharset.decode(raw == null ? new byte[0] : raw).text();
    }

    public ParsedCable parse(byte[] raw) {
        return parse(raw, null);
    }

    /**
     * As {@link #parse(byte[])}, with the release's metadata playing the part of release lines above the text (and
     * winning over them): the cable id is the release's, and date and classification fill in what the text lacks.
     */
    public ParsedCable parse(byte[] raw, ReleaseMetadata metadata) {
        return parse(raw, metadata, null);
    }

    /**
     * As {@link #parse(byte[], ReleaseMetadata)}, with the name the cable came under (a file name, archive entry or
     * URL, e.g. {@code cables/02ROME1196.txt}; may be null): where the text has no year, the id is the name's if the
     * name is a canonical id of the text's station and serial ({@code CABLE_ID_FROM_SOURCE_NAME}).
     */
    public ParsedCable parse(byte[] raw, ReleaseMetadata metadata, String source) {
        Warnings warnings = new Warnings();
        Found found = new Found();
        try (ParseBudget budget = ParseBudget.open(budgetNanos, clock)) {
            return parse(raw == null ? new byte[0] : raw, metadata, source, warnings, found);
        } catch (ParseBudget.Exhausted e) {
            warnings.add("PARSE_TIMEOUT", "parse stopped after its budget of " + budgetNanos / 1_000_000
                    + " ms; only the fields found by then are given");
            return found.cable(warnings.list());
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("PARSER_ERROR", e.getClass().getSimpleName() + ": " + e.getMessage());
            return failed(warnings.list(), found.rawText);
        }
    }

    private ParsedCable parse(byte[] raw, ReleaseMetadata metadata, String source, Warnings warnings, Found found) {
        CableCharset.Decoded decoded = CableCharset.decode(raw);
        found.rawText = decoded.text();
        if (decoded.guessed()) {
            warnings.add("NOT_UTF8", "bytes are not valid UTF-8; decoded as Windows-1252");
        }
        SourcePositions positions = new SourcePositions();
        // the bytes are the text's UTF-8 unless they were decoded from a guessed charset
        byte[] utf8 = decoded.charset() == StandardCharsets.UTF_8 ? raw : null;
        String normalised = Normaliser.normalise(decoded.text(), utf8, warnings, positions);
        ParseBudget.check();
        CableText text = LineScanner.scan(normalised);
        ParseBudget.check();

        ReleaseHeader release = ReleaseHeader.of(metadata, ReleaseHeader.extract(text));
        DtgExtractor.Dtg dtg = DtgExtractor.extract(text, release, warnings);
        HeaderExtractor.Result header = HeaderExtractor.extract(text, dtg, warnings);
        found.dtg = dtg == null ? null : dtg.instant();
        found.header = header;
        ParseBudget.check();
        String subject = SubjectExtractor.extract(text, warnings);
        Classification classification = Classification.extract(text, normalised, release, warnings);
        found.classification = classification;
        ClassificationLine line = classification.line;
        String cableId = CableIdExtractor.extract(text, line, dtg, header, release, source, warnings);
        Section section = line != null && line.section() != null
                ? new Section(line.section(), line.sectionOf()) : null;
        found.cableId = cableId;
        found.section = section;
        ParseBudget.check();
        RecipientExtractor.Result recipients = RecipientExtractor.extract(text);
        if (!recipients.excluded().isEmpty()) {
            warnings.add("XMT_EXCLUSIONS", recipients.excluded().size()
                    + " posts excluded by XMT are not addressees: " + names(recipients.excluded()));
        }
        int redactions = BodyExtractor.redactions(normalised);
        ParseBudget.check();

        return found.builder()
                .to(recipients.to())
                .info(recipients.info())
                .tags(TagsExtractor.extract(text, warnings))
                .subject(subject)
                .references(ReferenceExtractor.extract(text, dtg == null ? null : dtg.year(), cableId))
                .classifiedBy(ClassifiedByExtractor.extract(text))
                .executiveOrder(ExecutiveOrderExtractor.extract(text, warnings))
                .summary(SummaryExtractor.extract(text))
                .comment(BodyExtractor.span(text, "COMMENT"))
                .paragraphs(ParagraphExtractor.extract(text, warnings, positions))
                .signers(BodyExtractor.signers(text))
                .redactions(redactions)
                .warnings(List.copyOf(warnings.list()))
                .build();
    }

    /** The names of the first posts, for a warning: the list is in the record. */
    private static String names(List<ParsedCable.Recipient> recipients) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(10, recipients.size()); i++) {
            b.append(i == 0 ? "" : "; ").append(recipients.get(i).name());
        }
        return recipients.size() > 10 ? b.append("; ...").toString() : b.toString();
    }

    /** The text and header fields as they are found, for a parse that runs out of time before the body is read. */
    private static final class Found {
        String rawText;
        String cableId;
        Instant dtg;
        Classification classification;
        Section section;
        HeaderExtractor.Result header;

        ParsedCableBuilder builder() {
            return ParsedCable.builder()
                    .parserVersion(VERSION)
                    .rawText(rawText)
                    .cableId(cableId)
                    .dtg(dtg)
                    .classification(classification == null ? null : classification.value)
                    .caveats(classification == null ? List.of() : classification.caveats)
                    .section(section)
                    .from(header == null ? null : header.from())
                    .header(header == null ? null : header.header());
        }

        ParsedCable cable(List<Warning> warnings) {
            return builder().warnings(List.copyOf(warnings)).build();
        }
    }

    /**
     * The first parse in a JVM loads and initialises the parser's classes and compiles their regexes (~100 ms
     * measured): done once when the first parser is made, so that it does not count against a cable's budget.
     */
    private static final class Warmup {
        static {
            new CableParser(Duration.ofDays(1).toNanos(), System::nanoTime).parse(
                    "UNCLAS SECTION 01 OF 02 ROME 000001\nTAGS: PREL\nSUBJECT: X\n\u00b61. (U) X.\n".getBytes(
                            java.nio.charset.StandardCharsets.UTF_8));
        }

        static void done() {
        }
    }

    private static ParsedCable failed(List<Warning> warnings, String rawText) {
        return ParsedCable.builder().parserVersion(VERSION).rawText(rawText).warnings(List.copyOf(warnings)).build();
    }
}
