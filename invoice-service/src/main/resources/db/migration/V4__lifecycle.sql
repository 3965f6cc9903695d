-- Lifecycle: what lowered each invoice, credit notes, payments kept until their invoice arrives, the timeline.
ALTER TABLE invoice ADD COLUMN credited_amount NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE invoice ADD COLUMN paid_amount NUMERIC(19, 4) NOT NULL DEFAULT 0;
ALTER TABLE invoice ADD COLUMN disputed BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX invoice_customer_due ON invoice (customer_id, due_date, id);

CREATE TABLE credit_note (
    id                 UUID PRIMARY KEY,
    invoice_id         UUID           NOT NULL REFERENCES invoice (id),
    customer_id        TEXT           NOT NULL,
    issuer             TEXT           NOT NULL,
    credit_note_number TEXT           NOT NULL,
    issue_date         DATE           NOT NULL,
    amount             NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency           CHAR(3)        NOT NULL,
    reason             TEXT,
    CONSTRAINT credit_note_number_unique_per_issuer UNIQUE (issuer, credit_note_number)
);

-- A payment (or reversal) naming an invoice not received yet; applied when the invoice arrives.
CREATE TABLE pending_payment (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id UUID           NOT NULL,
    payment_id UUID           NOT NULL,
    reversal   BOOLEAN        NOT NULL,
    amount     NUMERIC(19, 4) NOT NULL,
    currency   CHAR(3)        NOT NULL,
    value_date DATE           NOT NULL
);
CREATE INDEX pending_payment_invoice ON pending_payment (invoice_id);

-- Every fact that touched an invoice, in the order it was recorded.
CREATE TABLE invoice_timeline (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id  UUID           NOT NULL,
    occurred_at TIMESTAMPTZ    NOT NULL,
    business_date DATE         NOT NULL,
    kind        TEXT           NOT NULL,
    amount      NUMERIC(19, 4),
    currency    CHAR(3),
    reference   TEXT,
    detail      TEXT
);
CREATE INDEX invoice_timeline_invoice ON invoice_timeline (invoice_id, id);
