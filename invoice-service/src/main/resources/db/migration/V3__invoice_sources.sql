-- ERP intake: invoices are identified by (source system, external id); numbers are unique per issuer, not globally.
ALTER TABLE invoice ADD COLUMN issuer TEXT NOT NULL DEFAULT 'relance';
ALTER TABLE invoice ALTER COLUMN issuer DROP DEFAULT;
ALTER TABLE invoice ADD COLUMN source_system TEXT;
ALTER TABLE invoice ADD COLUMN external_id TEXT;
ALTER TABLE invoice ADD COLUMN beyond_legal_terms BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE invoice DROP CONSTRAINT invoice_number_unique;
ALTER TABLE invoice ADD CONSTRAINT invoice_number_unique_per_issuer UNIQUE (issuer, invoice_number);
ALTER TABLE invoice ADD CONSTRAINT invoice_source_reference_unique UNIQUE (source_system, external_id);
ALTER TABLE invoice ADD CONSTRAINT invoice_source_reference_complete
    CHECK ((source_system IS NULL) = (external_id IS NULL));
