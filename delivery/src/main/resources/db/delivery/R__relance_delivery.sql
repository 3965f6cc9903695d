-- Tables of the shared delivery mechanism (outbox relay, processed-event store).
-- A repeatable migration: it runs after each service's own versioned migrations and again whenever it
-- changes, so every statement here must be idempotent and changes must be additive.

CREATE TABLE IF NOT EXISTS outbox_event (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    lane        SMALLINT    NOT NULL,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    ce_type     TEXT        NOT NULL,
    ce_source   TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    payload     TEXT        NOT NULL,
    traceparent TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS outbox_event_lane_id ON outbox_event (lane, id);

-- One row per lane: a relay instance owns a lane while its transaction runs (FOR UPDATE SKIP LOCKED),
-- so rows of one record key (always in one lane) are published by one instance at a time, in id order.
CREATE TABLE IF NOT EXISTS outbox_lane (
    lane SMALLINT PRIMARY KEY
);
INSERT INTO outbox_lane (lane) SELECT generate_series(0, 15) ON CONFLICT DO NOTHING;

CREATE TABLE IF NOT EXISTS processed_event (
    consumer     TEXT        NOT NULL,
    event_id     UUID        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

-- A row without payload is a tombstone: the relay publishes a null value, which erases the key on a compacted topic.
ALTER TABLE outbox_event ALTER COLUMN payload DROP NOT NULL;

-- Wakes the relay as soon as a transaction that wrote outbox rows commits (notifications are delivered at commit;
-- several in one transaction fold into one). The relay's periodic poll stays as the fallback.
CREATE OR REPLACE FUNCTION relance_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('relance_outbox', '');
    RETURN NULL;
END;
$$;
DROP TRIGGER IF EXISTS outbox_event_notify ON outbox_event;
CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION relance_outbox_notify();
