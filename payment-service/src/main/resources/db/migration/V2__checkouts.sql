-- Online payments started from a payment link: what the payer chose to pay and where the provider's confirmation stands.
CREATE TABLE checkout (
    id                 UUID PRIMARY KEY,
    customer_id        TEXT           NOT NULL,
    provider           TEXT           NOT NULL,
    provider_reference TEXT           NOT NULL,
    redirect_url       TEXT           NOT NULL,
    amount             NUMERIC(19, 4) NOT NULL CHECK (amount > 0),
    currency           CHAR(3)        NOT NULL,
    -- The invoices paid, one number per line, as the payment's stated references.
    invoice_numbers    TEXT           NOT NULL,
    status             TEXT           NOT NULL,
    payment_id         UUID REFERENCES payment (id),
    created_at         TIMESTAMPTZ    NOT NULL,
    paid_at            TIMESTAMPTZ,
    CONSTRAINT checkout_provider_reference_unique UNIQUE (provider, provider_reference)
);
CREATE INDEX checkout_customer ON checkout (customer_id);
