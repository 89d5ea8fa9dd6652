-- The records of cables.dead-letter, consumed by store-service so that a user can see and re-drive them. The
-- record's own coordinates are its identity: a redelivered record is stored once. A source record dead-lettered
-- twice (a redelivery upstream) is stored once too.
CREATE TABLE dead_letter (
    id               bigserial   PRIMARY KEY,
    topic            text        NOT NULL,
    topic_partition  int         NOT NULL,
    topic_offset     bigint      NOT NULL,
    record_key       text,
    reason           text        NOT NULL,
    reason_detail    text,
    exception_class  text,
    source_topic     text,
    source_partition int,
    source_offset    bigint,
    parser_version   text,
    value            bytea       NOT NULL,
    record_time      timestamptz,
    received_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (topic, topic_partition, topic_offset)
);
CREATE UNIQUE INDEX dead_letter_source_idx ON dead_letter (source_topic, source_partition, source_offset)
    WHERE source_topic IS NOT NULL AND source_partition IS NOT NULL AND source_offset IS NOT NULL;
CREATE INDEX dead_letter_reason_idx ON dead_letter (reason, id);
CREATE INDEX dead_letter_key_idx ON dead_letter (record_key);
