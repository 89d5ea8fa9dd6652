package io.cablestream.parser;

import io.cablestream.events.ParsedCable;
import io.cablestream.events.ParsedCable.Section;
import io.cablestream.events.ParsedCable.Warning;

import java.util.List;

/**
 * Raw bytes of one cable to a {@link ParsedCable}. Thread-safe and reusable; never throws: what it cannot read
 * becomes a warning and an absent field.
 */
public final class CableParser {

    /** Semantic version of the extraction, recorded in every event so that newer parses replace older ones. */
    public static final String VERSION = "1.4.0";

    /**
     * The release's own metadata delivered beside the text rather than in it, e.g. the id, date and
     * classification columns of a cables.csv row. Any of them may be null; a value that is not of the release's
     * form is ignored.
     */
    public record ReleaseMetadata(String cableId, String date, String classification) {
    }

    /**
     * The text of the bytes as the parser reads it: UTF-8, or Windows-1252 where the bytes are not UTF-8 (never
     * replacement characters). Several times faster than {@code new String(raw, UTF_8)} on cables, whose pilcrows
     * send the JDK's decoder down its byte-by-byte path.
     */
    public static String text(byte[] raw) {
        return TextDecoder.decode(raw == null ? new byte[0] : raw, new boolean[1]);
    }

    public ParsedCable parse(byte[] raw) {
        return parse(raw, null);
    }

    /**
     * As {@link #parse(byte[])}, with the release's metadata playing the part of release lines above the text (and
     * winning over them): the cable id is the release's, and date and classification fill in what the text lacks.
     */
    public ParsedCable parse(byte[] raw, ReleaseMetadata metadata) {
        Warnings warnings = new Warnings();
        try {
            return parse(raw == null ? new byte[0] : raw, metadata, warnings);
        } catch (RuntimeException | StackOverflowError e) {
            warnings.add("PARSER_ERROR", e.getClass().getSimpleName() + ": " + e.getMessage());
            return failed(warnings.list());
        }
    }

    private ParsedCable parse(byte[] raw, ReleaseMetadata metadata, Warnings warnings) {
        boolean[] guessed = new boolean[1];
        String decoded = TextDecoder.decode(raw, guessed);
        if (guessed[0]) {
            warnings.add("NOT_UTF8", "bytes are not valid UTF-8; decoded as Windows-1252");
        }
        String normalised = Normaliser.normalise(decoded, warnings);
        CableText text = LineScanner.scan(normalised);

        ReleaseHeader release = ReleaseHeader.of(metadata, ReleaseHeader.extract(text));
        DtgExtractor.Dtg dtg = DtgExtractor.extract(text, release, warnings);
        HeaderExtractor.Result header = HeaderExtractor.extract(text, dtg, warnings);
        String subject = SubjectExtractor.extract(text, warnings);
        Classification classification = Classification.extract(text, normalised, release, warnings);
        ClassificationLine line = classification.line;
        String cableId = CableIdExtractor.extract(text, line, dtg, header, release, warnings);
        Section section = line != null && line.section() != null
                ? new Section(line.section(), line.sectionOf()) : null;
        RecipientExtractor.Result recipients = RecipientExtractor.extract(text);
        if (!recipients.excluded().isEmpty()) {
            warnings.add("XMT_EXCLUSIONS", recipients.excluded().size()
                    + " posts excluded by XMT are not addressees: " + names(recipients.excluded()));
        }
        int redactions = BodyExtractor.redactions(normalised);

        return new ParsedCable(ParsedCable.SCHEMA_VERSION, VERSION, cableId, dtg == null ? null : dtg.instant(),
                classification.value, classification.caveats, section, header.from(), recipients.to(),
                recipients.info(), TagsExtractor.extract(text, warnings), subject,
                ReferenceExtractor.extract(text, dtg == null ? null : dtg.year(), cableId), ClassifiedByExtractor.extract(text),
                ExecutiveOrderExtractor.extract(text, warnings), SummaryExtractor.extract(text),
                BodyExtractor.span(text, "COMMENT"), ParagraphExtractor.extract(text, warnings),
                BodyExtractor.signers(text), redactions, header.header(), List.copyOf(warnings.list()), null, null,
                null, null, null);
    }

    private static String names(List<ParsedCable.Recipient> recipients) {
        StringBuilder b = new StringBuilder();
        for (ParsedCable.Recipient r : recipients) {
            b.append(b.length() == 0 ? "" : "; ").append(r.name());
        }
        return b.toString();
    }

    private static ParsedCable failed(List<Warning> warnings) {
        return new ParsedCable(ParsedCable.SCHEMA_VERSION, VERSION, null, null, null, List.of(), null, null,
                List.of(), List.of(), List.of(), null, List.of(), null, null, null, null, List.of(), List.of(), null,
                null, List.copyOf(warnings), null, null, null, null, null);
    }
}
