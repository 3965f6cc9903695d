-- The latest profile of each customer, from customer-profiles; deleted when the customer is erased.
CREATE TABLE customer_contact (
    customer_id   TEXT        PRIMARY KEY,
    legal_name    TEXT        NOT NULL,
    emails        TEXT        NOT NULL,         -- one address per line
    phone         TEXT,
    address_lines TEXT,                         -- one street line per line; null when no address
    postal_code   TEXT,
    city          TEXT,
    country_code  TEXT,
    language      TEXT        NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL          -- occurredAt of the CustomerUpdated applied
);

-- Each reminder dunning-service asked for, as received: the statement templates are rendered from.
CREATE TABLE reminder (
    reminder_id   UUID        PRIMARY KEY,
    customer_id   TEXT        NOT NULL,
    template_key  TEXT        NOT NULL,
    tone          TEXT        NOT NULL,
    business_date DATE        NOT NULL,
    statement     TEXT        NOT NULL,         -- the reminder as JSON
    received_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE reminder_invoice (
    reminder_id    UUID NOT NULL REFERENCES reminder (reminder_id),
    invoice_id     UUID NOT NULL,
    invoice_number TEXT NOT NULL,
    PRIMARY KEY (reminder_id, invoice_id)
);
CREATE INDEX reminder_invoice_invoice ON reminder_invoice (invoice_id);

-- One delivery per reminder and channel: the unique key is what makes a repeated request send nothing.
CREATE TABLE delivery (
    id                 UUID        PRIMARY KEY,
    reminder_id        UUID        NOT NULL REFERENCES reminder (reminder_id),
    customer_id        TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    status             TEXT        NOT NULL,
    attempts           INT         NOT NULL,
    next_attempt_at    TIMESTAMPTZ NOT NULL,
    lease_until        TIMESTAMPTZ,
    recipient          TEXT,
    provider_reference TEXT,
    tracking_number    TEXT,
    cost               NUMERIC(19, 4),
    cost_currency      TEXT,
    failure_reason     TEXT,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    UNIQUE (reminder_id, channel)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING');
CREATE INDEX delivery_in_flight ON delivery (lease_until) WHERE status = 'SENDING';
CREATE INDEX delivery_customer ON delivery (customer_id, created_at);

-- Every attempt, written when it starts and completed with its outcome.
CREATE TABLE delivery_attempt (
    delivery_id UUID        NOT NULL REFERENCES delivery (id),
    number      INT         NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    outcome     TEXT,                           -- SENT, TRANSIENT_FAILURE, PERMANENT_FAILURE; null while in flight
    detail      TEXT,
    PRIMARY KEY (delivery_id, number)
);

-- Addresses that failed for good: nothing is sent to them again.
CREATE TABLE suppressed_recipient (
    channel     TEXT        NOT NULL,
    recipient   TEXT        NOT NULL,
    customer_id TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, recipient)
);

-- The PDF of each letter, kept as it was posted.
CREATE TABLE letter (
    delivery_id UUID        PRIMARY KEY REFERENCES delivery (id),
    pdf         BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
