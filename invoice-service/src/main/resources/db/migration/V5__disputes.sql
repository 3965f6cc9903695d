-- Disputes on invoices: at most one open per invoice at a time.
CREATE TABLE dispute (
    id                 UUID PRIMARY KEY,
    invoice_id         UUID           NOT NULL REFERENCES invoice (id),
    customer_id        TEXT           NOT NULL,
    reason             TEXT           NOT NULL,
    disputed_amount    NUMERIC(19, 4) NOT NULL CHECK (disputed_amount > 0),
    currency           CHAR(3)        NOT NULL,
    comment            TEXT,
    opened_on          DATE           NOT NULL,
    outcome            TEXT,
    resolved_on        DATE,
    resolution_comment TEXT
);
CREATE UNIQUE INDEX dispute_one_open_per_invoice ON dispute (invoice_id) WHERE outcome IS NULL;
