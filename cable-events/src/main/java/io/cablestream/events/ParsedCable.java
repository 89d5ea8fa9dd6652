package io.cablestream.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One cable as the parser read it: the event on {@link Topics#PARSED}. Field names are a public contract
 * (see {@code parsed-cable.schema.json} and the module's README); fields the parser could not find are absent,
 * never guessed. New fields may be added; renaming or removing one raises {@link #SCHEMA_VERSION}.
 * <p>
 * The body text is carried once, in {@link #rawText}: a paragraph is a span of it, read with
 * {@link Paragraph#text(String)} or {@link #text(Paragraph)}. The facts of the cable's ingestion are in
 * {@link #ingest}. Build one with {@link #builder()}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"schemaVersion", "parserVersion", "cableId", "dtg", "classification", "caveats", "section",
        "from", "to", "info", "tags", "subject", "references", "classifiedBy", "executiveOrder", "summary",
        "comment", "paragraphs", "signers", "redactions", "header", "warnings", "ingest", "rawText"})
public record ParsedCable(
        int schemaVersion,
        String parserVersion,
        String cableId,
        Instant dtg,
        String classification,
        List<String> caveats,
        Section section,
        String from,
        List<Recipient> to,
        List<Recipient> info,
        List<Tag> tags,
        String subject,
        List<Reference> references,
        ClassifiedBy classifiedBy,
        ExecutiveOrder executiveOrder,
        String summary,
        String comment,
        List<Paragraph> paragraphs,
        List<String> signers,
        Integer redactions,
        Header header,
        List<Warning> warnings,
        Ingest ingest,
        String rawText) {

    /** 2: the body once (paragraphs are spans of rawText), the ingest facts in {@code ingest}. */
    public static final int SCHEMA_VERSION = 2;

    /** Lists are never null: JSON leaves empty ones out, and reading it back gives empty lists. */
    public ParsedCable {
        caveats = orEmpty(caveats);
        to = orEmpty(to);
        info = orEmpty(info);
        tags = orEmpty(tags);
        references = orEmpty(references);
        paragraphs = orEmpty(paragraphs);
        signers = orEmpty(signers);
        warnings = orEmpty(warnings);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** An empty cable of this schema version, to be filled in. */
    public static ParsedCableBuilder builder() {
        return new ParsedCableBuilder();
    }

    /** A builder holding every field of this cable, to make a changed copy. */
    public ParsedCableBuilder toBuilder() {
        return new ParsedCableBuilder(this);
    }

    /** The same cable with the facts of its ingestion, which the parser cannot know. */
    public ParsedCable withIngest(Ingest ingest) {
        return toBuilder().ingest(ingest).build();
    }

    /** The ingest facts, never null: {@link Ingest#NONE} where the event has none. */
    public Ingest ingestOrNone() {
        return ingest == null ? Ingest.NONE : ingest;
    }

    /** The text of a paragraph of this cable, as a reader sees it. */
    public String text(Paragraph paragraph) {
        return paragraph.text(rawText);
    }

    /**
     * What the ingest service knew of the cable: its {@code id} (a UUID), the lower-case hex {@code sha256} of the
     * normalised text (the raw record's key), when it was {@code receivedAt}, its {@code source} (a file name,
     * an archive entry, a URL, "http") and the {@code charset} its bytes were decoded from.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Ingest(String id, String sha256, Instant receivedAt, String source, String charset) {
        public static final Ingest NONE = new Ingest(null, null, null, null, null);
    }

    /** "Section 01 of 02" of the classification line. */
    public record Section(int number, int of) {
    }

    /**
     * An addressee: {@code RUEHC/SECSTATE WASHDC PRIORITY 6323}. {@code excluded} are the posts a collective's
     * {@code XMT} lines leave out ({@code XMT AMEMBASSY SOFIA} below {@code EUROPEAN POLITICAL COLLECTIVE}).
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Recipient(String routing, String name, String precedence, String serial, List<String> excluded) {
        public Recipient {
            excluded = orEmpty(excluded);
        }

        public Recipient(String routing, String name, String precedence, String serial) {
            this(routing, name, precedence, serial, List.of());
        }
    }

    /** A TAGS token and what kind of tag it is. */
    public record Tag(String code, TagKind kind) {
    }

    public enum TagKind { SUBJECT, COUNTRY, ORGANISATION, PROGRAM, PERSON }

    /**
     * A REF bullet: {@code label} "A", {@code text} as written, what {@code kind} of document it cites, and the
     * canonical {@code cableId} when that is a cable.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Reference(String label, String cableId, String text, ReferenceKind kind) {
        public Reference {
            if (kind == null) {
                kind = cableId != null ? ReferenceKind.CABLE : ReferenceKind.OTHER;
            }
        }

        public Reference(String label, String cableId, String text) {
            this(label, cableId, text, null);
        }
    }

    /** What a reference cites: only a CABLE has a cableId. */
    public enum ReferenceKind { CABLE, EMAIL, TELCON, REPORT, MEETING, OTHER }

    /**
     * {@code Classified By: Acting DCM Marc Wall, E.O. 12958, Reasons 1.4 (b) and (d)}: the name as written, the
     * title apart, the reason codes and the executive order cited. {@code others} are further classifiers of the
     * same cable (a second line, or "X and Y"), each with its name and title.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ClassifiedBy(String name, String title, List<String> reasons, String order,
                               List<Classifier> others) {
        public ClassifiedBy {
            reasons = orEmpty(reasons);
            others = orEmpty(others);
        }

        public ClassifiedBy(String name, String title, List<String> reasons) {
            this(name, title, reasons, null, List.of());
        }
    }

    /** One more person who classified the cable. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Classifier(String name, String title) {
    }

    /** {@code E.O. 12958: DECL: 04/07/2019}; {@code declassifyOn} is absent for N/A. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ExecutiveOrder(String order, LocalDate declassifyOn) {
    }

    /**
     * A numbered paragraph with its marking, e.g. 2 / "SBU": the span {@code start}..{@code end} of the raw text
     * (UTF-16 code units, end exclusive) after its number and marking, without the {@code omit} spans inside it
     * (page breaks and other lines that are not the paragraph's). {@link #text(String)} gives its text.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Paragraph(int number, String marking, int start, int end, List<Span> omit) {
        public Paragraph {
            omit = orEmpty(omit);
        }

        public Paragraph(int number, String marking, int start, int end) {
            this(number, marking, start, end, List.of());
        }

        /** The paragraph's text in {@code rawText} as a reader sees it ({@link SpanText}). */
        public String text(String rawText) {
            return SpanText.of(rawText, start, end, omit);
        }
    }

    /** Characters {@code start} (inclusive) to {@code end} (exclusive) of the raw text, in UTF-16 code units. */
    public record Span(int start, int end) {
    }

    /** The ACP-127 transmission header above the text. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Header(String transmissionId, String actionPrecedence, String infoPrecedence,
                         List<String> routingIndicators, String station, String serial, Integer section,
                         String julianTime, String securityLine) {
    }

    /** Something the parser noticed and could not read or had to repair. */
    public record Warning(String code, String message) {
    }
}
