package io.relance.invoice.domain.customer;

/** The customer's personal data was erased: it can no longer be updated. */
public class ErasedCustomerException extends RuntimeException {

    public ErasedCustomerException(String customerId) {
        super("customer " + customerId + " was erased (GDPR) and can no longer be updated");
    }
}
