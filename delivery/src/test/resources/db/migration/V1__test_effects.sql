-- The visible effect of a consumed event in the delivery tests: one row per application of an effect.
CREATE TABLE applied_effect (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id UUID NOT NULL,
    note     TEXT NOT NULL
);
