package io.relance.payment.application;

/** The payment is not in a state that allows the change asked for (matching a matched payment, for example). */
public class PaymentStateException extends RuntimeException {

    public PaymentStateException(String message) {
        super(message);
    }
}
