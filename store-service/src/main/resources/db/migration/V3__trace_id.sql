-- The W3C trace id of the record that brought the cable's current row (its traceparent header, started by the
-- ingest request): one cable can be followed from its ingest request to its row even when no trace is exported.
ALTER TABLE cable ADD COLUMN trace_id text;
