package io.relance.invoice.application;

/** No customer has this id. */
public class UnknownCustomerException extends RuntimeException {

    public UnknownCustomerException(String customerId) {
        super("no customer " + customerId);
    }
}
