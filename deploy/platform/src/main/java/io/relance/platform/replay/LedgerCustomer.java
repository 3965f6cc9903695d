package io.relance.platform.replay;

import java.util.Objects;

/** A debtor of a replayed ledger: its id, name, e-mail, mobile phone (E.164; null when unknown) and language (fr or en). */
public record LedgerCustomer(String id, String legalName, String email, String phone, String language) {

    public LedgerCustomer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(legalName, "legalName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(language, "language");
    }
}
