-- Cables whose search document PostgreSQL refused (e.g. "string is too long for tsvector"): taken off
-- cable_search_pending so that the cables after them are indexed, with the server's reason. A later write of the
-- cable queues it again.
CREATE TABLE cable_search_failure (
    cable_id  text        PRIMARY KEY,
    reason    text        NOT NULL,
    failed_at timestamptz NOT NULL DEFAULT now()
);
