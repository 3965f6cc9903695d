package io.relance.payment.application;

import java.util.UUID;

public class CheckoutNotFoundException extends RuntimeException {

    public CheckoutNotFoundException(UUID id) {
        super("no checkout " + id + " for this link's customer");
    }
}
