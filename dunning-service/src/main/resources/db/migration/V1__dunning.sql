-- Policies are versioned: a change is a new row, so a reminder always names the version it followed.
CREATE TABLE dunning_policy (
    row_id                      UUID PRIMARY KEY,
    policy_id                   TEXT        NOT NULL,
    version                     INT         NOT NULL CHECK (version > 0),
    name                        TEXT        NOT NULL,
    steps                       TEXT        NOT NULL,
    sends_on_non_business_days  BOOLEAN     NOT NULL,
    created_at                  TIMESTAMPTZ NOT NULL,
    CONSTRAINT dunning_policy_version_unique UNIQUE (policy_id, version)
);

-- Which policy chases each segment; a customer's own override lives on debtor.
CREATE TABLE policy_assignment (
    segment   TEXT PRIMARY KEY,
    policy_id TEXT NOT NULL
);

-- One row per customer: the lock that serialises every change to its cases.
CREATE TABLE debtor (
    customer_id             TEXT PRIMARY KEY,
    segment                 TEXT    NOT NULL,
    policy_override         TEXT,
    pause_reason            TEXT,
    pause_starts_on         DATE,
    pause_ends_on           DATE,
    insolvency_published_on DATE,
    contract_rate           NUMERIC(9, 4)
);

-- The dunning of one invoice; holds are stored as JSON, read and written only by this service.
CREATE TABLE dunning_case (
    case_id             UUID PRIMARY KEY,
    invoice_id          UUID        NOT NULL UNIQUE,
    customer_id         TEXT        NOT NULL,
    currency            CHAR(3)     NOT NULL,
    invoice_number      TEXT,
    issue_date          DATE,
    due_date            DATE,
    amount              NUMERIC(19, 4),
    paid                NUMERIC(19, 4) NOT NULL,
    credited            NUMERIC(19, 4) NOT NULL,
    last_step_index     INT         NOT NULL,
    last_step_on        DATE,
    open_disputes       TEXT        NOT NULL,
    awaiting_credit     BOOLEAN     NOT NULL,
    promise             TEXT,
    plan                TEXT,
    exclusion           TEXT,
    closure             TEXT,
    closed_on           DATE,
    claim_deadline      DATE
);
CREATE INDEX dunning_case_open_by_customer ON dunning_case (customer_id) WHERE closure IS NULL;

-- The next business day anything may happen for a customer; the sweep claims due rows with SKIP LOCKED,
-- so a day with nothing due reads one index range whatever the number of open invoices.
CREATE TABLE scheduled_action (
    customer_id TEXT PRIMARY KEY,
    due_on      DATE NOT NULL
);
CREATE INDEX scheduled_action_due ON scheduled_action (due_on);

-- Every reminder requested, with what became of it: the case history and the hand-over's evidence.
CREATE TABLE reminder (
    reminder_id     UUID PRIMARY KEY,
    customer_id     TEXT        NOT NULL,
    step_index      INT         NOT NULL,
    channels        TEXT        NOT NULL,
    business_date   DATE        NOT NULL,
    total_open      NUMERIC(19, 4) NOT NULL,
    currency        CHAR(3)     NOT NULL,
    content         TEXT        NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    outcome         TEXT        NOT NULL,
    outcome_channel TEXT,
    outcome_detail  TEXT,
    outcome_at      TIMESTAMPTZ
);
CREATE INDEX reminder_by_customer ON reminder (customer_id, business_date);
