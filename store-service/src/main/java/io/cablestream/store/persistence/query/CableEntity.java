package io.cablestream.store.persistence.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/** A stored cable as the query API reads it (the rows are written by {@link CableStorage}). */
@Entity
@Table(name = "cable")
public class CableEntity {

    @Id
    @Column(name = "cable_id")
    public String cableId;

    public Instant dtg;

    public String classification;

    public String origin;

    public String subject;

    @Column(name = "parser_version")
    public String parserVersion;

    @Column(name = "raw_text")
    public String rawText;

    /** The exact text as UTF-8, only where it held a NUL ({@link #rawText} then has U+FFFD in its place). */
    @Column(name = "raw_bytes")
    public byte[] rawBytes;

    /** Times the row was written: 1, plus one per replacement by a newer parser. */
    public int writes;

    @JdbcTypeCode(SqlTypes.JSON)
    public String parsed;
}
