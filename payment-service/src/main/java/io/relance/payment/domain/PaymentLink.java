package io.relance.payment.domain;

import java.time.Instant;
import java.util.Objects;

/** What a verified payment link grants: reading and paying one customer's open invoices until it expires. */
public record PaymentLink(String customerId, Instant expiresAt) {

    public PaymentLink {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
