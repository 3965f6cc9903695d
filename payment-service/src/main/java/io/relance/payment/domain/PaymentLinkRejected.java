package io.relance.payment.domain;

/** A payment link that grants nothing: forged or altered ({@code expired} false), or genuine but past its expiry. */
public class PaymentLinkRejected extends RuntimeException {

    private final boolean expired;

    public PaymentLinkRejected(String reason, boolean expired) {
        super(reason);
        this.expired = expired;
    }

    public boolean expired() {
        return expired;
    }
}
