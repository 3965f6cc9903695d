package io.relance.invoice.domain.customer;

import io.relance.invoice.domain.InvoiceRuleViolation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A debtor account: its id (the one invoices and every event use), what its ERP states about it, and whether its
 * personal data has been erased (GDPR), after which it can no longer be updated.
 */
public record Customer(String id, CustomerDetails details, Instant erasedAt) {

    public static final String ERASED_NAME = "erased customer";

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
    }

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    /** A customer id travels as a Kafka key and in URLs: letters, digits and . _ : - only, at most 64. */
    public static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvoiceRuleViolation("customerId",
                    "must be 1 to 64 letters, digits, '.', '_', ':' or '-', starting with a letter or digit");
        }
    }

    public static Customer register(String id, CustomerDetails details) {
        return new Customer(id, details, null);
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** The customer with new details; refused once erased, since that would bring personal data back. */
    public Customer update(CustomerDetails newDetails) {
        if (isErased()) {
            throw new ErasedCustomerException(id);
        }
        return new Customer(id, newDetails, null);
    }

    /**
     * Anonymises the personal data (name, identifier, e-mails, phone, address) and keeps what accounting needs:
     * the id, the ERP reference, segment, language, payment terms and insolvency proceedings.
     */
    public Customer erase(Instant now) {
        if (isErased()) {
            return this;
        }
        CustomerDetails anonymous = new CustomerDetails(details.sourceSystem(), details.externalId(), ERASED_NAME,
                null, List.of(), null, null, details.language(), details.segment(), details.paymentTermsDays(),
                details.insolvency());
        return new Customer(id, anonymous, now);
    }
}
