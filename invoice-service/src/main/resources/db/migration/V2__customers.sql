-- Debtor accounts. Lists (e-mails, address lines) are newline-separated: neither may contain a line break.
CREATE TABLE customer (
    id                   TEXT PRIMARY KEY,
    source_system        TEXT        NOT NULL,
    external_id          TEXT        NOT NULL,
    legal_name           TEXT        NOT NULL,
    siren_or_vat         TEXT,
    emails               TEXT        NOT NULL,
    phone                TEXT,
    address_lines        TEXT,
    postal_code          TEXT,
    city                 TEXT,
    country_code         CHAR(2),
    language             TEXT        NOT NULL,
    segment              TEXT        NOT NULL,
    payment_terms_days   INTEGER,
    insolvency_type      TEXT,
    insolvency_opened_on DATE,
    erased_at            TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL,
    CONSTRAINT customer_source_reference_unique UNIQUE (source_system, external_id)
);
