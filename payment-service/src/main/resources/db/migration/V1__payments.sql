-- Open items: this service's read model of invoices, built from invoice-events (and its own allocations).
-- A row may exist before its InvoiceIssued (a credit note or cancellation read first): number and amount are then null.
CREATE TABLE open_item (
    invoice_id     UUID PRIMARY KEY,
    customer_id    TEXT           NOT NULL,
    invoice_number TEXT,
    full_key       TEXT,
    digit_key      TEXT,
    due_date       DATE,
    currency       CHAR(3),
    amount         NUMERIC(19, 4),
    credited       NUMERIC(19, 4) NOT NULL DEFAULT 0,
    allocated      NUMERIC(19, 4) NOT NULL DEFAULT 0,
    open_amount    NUMERIC(19, 4) NOT NULL DEFAULT 0,
    closed_reason  TEXT,
    updated_at     TIMESTAMPTZ    NOT NULL
);
CREATE INDEX open_item_customer ON open_item (customer_id);
CREATE INDEX open_item_full_key ON open_item (full_key);
CREATE INDEX open_item_digit_key ON open_item (digit_key);
CREATE INDEX open_item_open_amount ON open_item (currency, open_amount) WHERE open_amount > 0;

-- Customers' legal names, from customer-profiles, to recognise a payer by name.
CREATE TABLE customer (
    customer_id     TEXT PRIMARY KEY,
    legal_name      TEXT NOT NULL,
    normalized_name TEXT NOT NULL
);
CREATE INDEX customer_normalized_name ON customer (normalized_name);

-- IBANs seen paying a customer's invoices, learnt from every match, to recognise the payer next time.
CREATE TABLE known_iban (
    iban        TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    learnt_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (iban, customer_id)
);

-- Payments received, whatever their source; idempotency_key makes a resubmission or a re-import a no-op.
CREATE TABLE payment (
    id                 UUID PRIMARY KEY,
    idempotency_key    TEXT           NOT NULL,
    source             TEXT           NOT NULL,
    amount             NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency           CHAR(3)        NOT NULL,
    value_date         DATE           NOT NULL,
    method             TEXT           NOT NULL,
    payer_name         TEXT,
    payer_iban         TEXT,
    remittance         TEXT,
    invoice_references TEXT           NOT NULL,
    end_to_end_id      TEXT,
    status             TEXT           NOT NULL,
    customer_id        TEXT,
    match_rule         TEXT,
    unapplied          NUMERIC(19, 4) NOT NULL DEFAULT 0,
    queue_reason       TEXT,
    recorded_at        TIMESTAMPTZ    NOT NULL,
    CONSTRAINT payment_idempotency_key_unique UNIQUE (idempotency_key)
);
CREATE INDEX payment_status ON payment (status);
CREATE INDEX payment_customer ON payment (customer_id);
-- A returned direct debit names the collection it returns by its end-to-end id.
CREATE INDEX payment_end_to_end ON payment (end_to_end_id) WHERE end_to_end_id IS NOT NULL;

CREATE TABLE payment_allocation (
    id         UUID PRIMARY KEY,
    payment_id UUID           NOT NULL REFERENCES payment (id),
    invoice_id UUID           NOT NULL,
    amount     NUMERIC(19, 4) NOT NULL CHECK (amount > 0)
);
CREATE INDEX payment_allocation_payment ON payment_allocation (payment_id);

-- Ranked candidate invoices of a queued payment, as they stood when it was queued.
CREATE TABLE payment_candidate (
    id             UUID PRIMARY KEY,
    payment_id     UUID           NOT NULL REFERENCES payment (id),
    rank           INT            NOT NULL,
    invoice_id     UUID           NOT NULL,
    customer_id    TEXT           NOT NULL,
    invoice_number TEXT           NOT NULL,
    due_date       DATE           NOT NULL,
    open_amount    NUMERIC(19, 4) NOT NULL,
    currency       CHAR(3)        NOT NULL,
    score          INT            NOT NULL,
    reasons        TEXT           NOT NULL
);
CREATE INDEX payment_candidate_payment ON payment_candidate (payment_id);
