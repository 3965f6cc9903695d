package io.relance.payment.application;

import io.relance.payment.domain.Money;
import io.relance.payment.persistence.CheckoutEntity;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A checkout as the payer's page shows it: what is being paid, where to pay it, and whether the provider confirmed it. */
public record CheckoutView(UUID id, String status, Money amount, List<String> invoiceNumbers, String provider,
                           String providerReference, URI redirectUrl) {

    static CheckoutView of(CheckoutEntity checkout) {
        return new CheckoutView(checkout.id, checkout.status.name(),
                new Money(checkout.amount.stripTrailingZeros(), Money.currency(checkout.currency)), checkout.numbers(),
                checkout.provider, checkout.providerReference, URI.create(checkout.redirectUrl));
    }
}
