package io.cablestream.parser;

/** What one line of a cable is, decided once by {@link LineScanner} and read by every extractor. */
enum LineKind {
    BLANK,
    /** {@code VZCZCXRO1843}: start of message. */
    FORMAT,
    /** {@code PP RUEHAST RUEHDBU ...}: precedence and relay routing indicators. */
    ROUTING,
    /** {@code DE RUEHVEN #0086/01 0971527}. */
    DE,
    /** {@code ZNR UUUUU ZZH}. */
    SECURITY,
    /** {@code P 071527Z APR 09}. */
    DTG,
    FROM,
    TO,
    INFO,
    /** {@code XMT AMCONSUL X}: posts excluded from a collective. */
    XMT,
    /** A continuation line of a TO/INFO/XMT block. */
    RECIPIENT,
    BT,
    /** {@code UNCLAS SECTION 01 OF 02 USOSCE 000086}: classification, section, station and serial. */
    CLASSIFICATION,
    /** A classification word alone ({@code CONFIDENTIAL}), as in re-typed and PDF renderings. */
    CLASSIFICATION_BARE,
    /** A line of handling caveats only: {@code SIPDIS}, {@code NOFORN}, ... */
    CAVEAT,
    EO,
    TAGS,
    SUBJECT,
    REF,
    CLASSIFIED_BY,
    /** {@code USOSCE 00000086 002 OF 002}: page break inside the text. */
    PAGE_BREAK,
    /** Furniture of PDF renderings, e.g. {@code 2000HANOI00686 - CONFIDENTIAL}. */
    FURNITURE,
    /** {@code 1.}, {@code ¶1.}, {@code 1. (C)}: start of a numbered paragraph. */
    PARAGRAPH,
    /** {@code NNNN} or {@code #0086}: end of message. */
    END,
    TEXT
}
