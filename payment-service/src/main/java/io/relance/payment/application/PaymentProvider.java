package io.relance.payment.application;

import io.relance.payment.domain.Money;
import io.smallrye.mutiny.Uni;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * An online payment provider: it opens a checkout the payer completes on the provider's page, and later confirms
 * the payment by a signed webhook. The sandbox implements it for local runs and tests; a real provider (Stripe,
 * Adyen, Mollie…) is another implementation of the same two operations.
 */
public interface PaymentProvider {

    /** The provider's name, as it appears in payments' idempotency keys and the webhook path. */
    String name();

    /** Opens a checkout for {@code amount}; {@code checkoutId} comes back in the webhook as the client reference. */
    Uni<Checkout> createCheckout(UUID checkoutId, String customerId, Money amount, String description);

    /**
     * Verifies a webhook's signature over its raw body, then reads it.
     *
     * @param header reads a request header by name (null when absent)
     * @throws io.relance.payment.domain.WebhookRejected when the signature is missing, wrong or too old
     */
    Event readWebhook(byte[] rawBody, UnaryOperator<String> header);

    /** A checkout opened at the provider: its reference, and the page the payer is sent to. */
    record Checkout(String reference, URI redirectUrl) {
    }

    /**
     * A verified webhook event. Only {@code PAYMENT_SUCCEEDED} moves money; the provider's other events are acknowledged.
     *
     * @param checkoutReference the provider's reference of the checkout it settles
     */
    record Event(String eventId, Kind kind, String checkoutReference, Money amount, Instant paidAt, String payerName) {

        public enum Kind { PAYMENT_SUCCEEDED, OTHER }
    }
}
