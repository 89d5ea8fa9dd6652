-- One row per cable (the newest parser's reading of it), with the scalar fields the query API filters on,
-- the raw text and the whole ParsedCable JSON; child tables for the repeated fields.
CREATE TABLE cable (
    cable_id             text PRIMARY KEY,
    dtg                  timestamptz,
    classification       text,
    caveats              text[]      NOT NULL DEFAULT '{}',
    origin               text,
    sender               text,
    subject              text,
    summary              text,
    signers              text[]      NOT NULL DEFAULT '{}',
    parser_version       text        NOT NULL,
    parser_version_order bigint      NOT NULL,
    content_sha256       text,
    ingest_id            text,
    received_at          timestamptz,
    stored_at            timestamptz NOT NULL DEFAULT now(),
    raw_text             text,
    parsed               jsonb       NOT NULL
);

CREATE TABLE cable_tag (
    cable_id text NOT NULL REFERENCES cable (cable_id) ON DELETE CASCADE,
    position int  NOT NULL,
    code     text NOT NULL,
    kind     text NOT NULL,
    PRIMARY KEY (cable_id, position)
);

CREATE TABLE cable_reference (
    cable_id            text NOT NULL REFERENCES cable (cable_id) ON DELETE CASCADE,
    position            int  NOT NULL,
    label               text,
    referenced_cable_id text,
    text                text,
    PRIMARY KEY (cable_id, position)
);

CREATE TABLE cable_recipient (
    cable_id   text NOT NULL REFERENCES cable (cable_id) ON DELETE CASCADE,
    role       text NOT NULL CHECK (role IN ('TO', 'INFO')),
    position   int  NOT NULL,
    routing    text,
    name       text,
    precedence text,
    serial     text,
    PRIMARY KEY (cable_id, role, position)
);

CREATE INDEX cable_dtg_idx ON cable (dtg DESC, cable_id DESC);
CREATE INDEX cable_classification_idx ON cable (classification, dtg DESC, cable_id DESC);
CREATE INDEX cable_origin_idx ON cable (origin, dtg DESC, cable_id DESC);
CREATE INDEX cable_tag_code_idx ON cable_tag (code, cable_id);
CREATE INDEX cable_reference_target_idx ON cable_reference (referenced_cable_id);

-- pglz, PostgreSQL's default TOAST compression, cuts the insert rate of ~7 KB rows to about a quarter:
-- use lz4 where the server has it, and no compression at all where it does not (the embedded binaries)
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE cable ALTER COLUMN raw_text SET COMPRESSION lz4;
        ALTER TABLE cable ALTER COLUMN parsed SET COMPRESSION lz4;
    ELSE
        ALTER TABLE cable ALTER COLUMN raw_text SET STORAGE EXTERNAL;
        ALTER TABLE cable ALTER COLUMN parsed SET STORAGE EXTERNAL;
    END IF;
END
$$;
