-- Invoices as issued by ERP systems; invoice-service is their system of record.
CREATE TABLE invoice (
    id             UUID PRIMARY KEY,
    customer_id    TEXT          NOT NULL,
    invoice_number TEXT          NOT NULL,
    issue_date     DATE          NOT NULL,
    due_date       DATE          NOT NULL,
    amount         NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency       CHAR(3)       NOT NULL,
    open_amount    NUMERIC(19, 4) NOT NULL,
    status         TEXT          NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    CONSTRAINT invoice_number_unique UNIQUE (invoice_number),
    CONSTRAINT invoice_due_not_before_issue CHECK (due_date >= issue_date)
);
CREATE INDEX invoice_customer ON invoice (customer_id);
