-- The collector a customer's worklist items go to.
ALTER TABLE debtor ADD COLUMN assignee TEXT;
CREATE INDEX debtor_by_assignee ON debtor (assignee) WHERE assignee IS NOT NULL;

-- The day the oldest open dispute of a case was opened: disputes open too long are worklist items.
ALTER TABLE dunning_case ADD COLUMN disputed_since DATE;
CREATE INDEX dunning_case_disputed ON dunning_case (disputed_since) WHERE closure IS NULL AND disputed_since IS NOT NULL;

-- What collectors have to do: a phone step (one per reminder), a broken promise or a hand-over (one per case).
-- An item is done once a call's outcome completes it; disputes open too long are read from dunning_case.
CREATE TABLE work_item (
    item_id     UUID PRIMARY KEY,
    kind        TEXT        NOT NULL,
    customer_id TEXT        NOT NULL,
    case_id     UUID,
    reminder_id UUID,
    opened_on   DATE        NOT NULL,
    done_at     TIMESTAMPTZ,
    outcome     TEXT
);
CREATE INDEX work_item_open ON work_item (customer_id) WHERE done_at IS NULL;

-- Phone tasks requested before this table existed and not yet reported become its first items.
INSERT INTO work_item (item_id, kind, customer_id, reminder_id, opened_on)
SELECT reminder_id, 'PHONE_TASK', customer_id, reminder_id, business_date
FROM reminder WHERE channels LIKE '%PHONE_TASK%' AND outcome = 'REQUESTED';

-- Everything that happened to a customer's cases, in the order it was recorded (seq): reminders requested,
-- delivered or failed, escalations, calls.
CREATE TABLE case_history (
    entry_id      UUID PRIMARY KEY,
    seq           BIGINT GENERATED ALWAYS AS IDENTITY,
    customer_id   TEXT        NOT NULL,
    invoice_ids   TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL,
    business_date DATE        NOT NULL,
    kind          TEXT        NOT NULL,
    channel       TEXT,
    reminder_id   UUID,
    detail        TEXT
);
CREATE INDEX case_history_by_customer ON case_history (customer_id, seq);
