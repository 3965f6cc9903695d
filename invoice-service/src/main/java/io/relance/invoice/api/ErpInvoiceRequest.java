package io.relance.invoice.api;

import io.relance.invoice.application.IssueInvoice;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.RuleViolations;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An invoice as an ERP sends it, the same JSON as on the erp-invoices topic (relance.erp.invoice.v1); {@code customer}
 * optionally carries the customer's profile, used to create the customer when it is new.
 */
public record ErpInvoiceRequest(String sourceSystem, String externalId, String invoiceNumber, String customerId,
                                LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency,
                                ErpCustomerRequest customer) {

    /** The customer's profile sent with the invoice, or null. */
    IssueInvoice.EmbeddedCustomer embeddedCustomer() {
        return customer == null ? null : new IssueInvoice.EmbeddedCustomer(customer.customerId(), customer.toDraft());
    }

    /** Checks presence and form of every field, naming all that break a rule; the issuer is the source system. */
    Invoice.Submission toSubmission() {
        RuleViolations.Collector violations = new RuleViolations.Collector();
        required(violations, "sourceSystem", sourceSystem);
        required(violations, "externalId", externalId);
        required(violations, "invoiceNumber", invoiceNumber);
        required(violations, "customerId", customerId);
        required(violations, "issueDate", issueDate);
        required(violations, "dueDate", dueDate);
        required(violations, "amount", amount);
        required(violations, "currency", currency);
        Money money = amount == null || currency == null ? null
                : violations.check(() -> new Money(amount, Money.currency(currency)));
        violations.throwIfAny();
        return new Invoice.Submission(customerId, sourceSystem, invoiceNumber, sourceSystem, externalId, issueDate,
                dueDate, money);
    }

    private static void required(RuleViolations.Collector violations, String field, Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            violations.add(field, "is required");
        }
    }
}
