package io.relance.payment.domain;

/** A webhook request that is not proven to come from the provider; the reason never quotes the body. */
public class WebhookRejected extends RuntimeException {

    public WebhookRejected(String reason) {
        super(reason);
    }
}
