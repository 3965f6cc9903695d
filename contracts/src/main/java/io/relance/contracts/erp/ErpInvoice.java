package io.relance.contracts.erp;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An ERP reports an invoice it issued. Not an event: ERPs send no event id, so invoice-service
 * deduplicates on ({@code sourceSystem}, {@code externalId}), and a resent message changes nothing.
 *
 * @param sourceSystem the sending ERP's name as configured in Relance, for example {@code sap-fr}
 * @param externalId the invoice's id in that ERP
 * @param customerId the debtor account billed; also the Kafka record key
 * @param amount the amount due, taxes included
 * @param customer the customer's profile, for ERPs that send it with each invoice: it creates the customer when
 *     Relance does not know it yet and is ignored otherwise (profiles change through {@code relance.erp.customer.v1});
 *     null when the ERP does not send it; its {@code customerId} must be the invoice's
 */
public record ErpInvoice(
        String sourceSystem,
        String externalId,
        String invoiceNumber,
        String customerId,
        LocalDate issueDate,
        LocalDate dueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency,
        ErpCustomer customer) {

    /** An invoice without the customer's profile: the customer must already exist in Relance. */
    public ErpInvoice(String sourceSystem, String externalId, String invoiceNumber, String customerId,
            LocalDate issueDate, LocalDate dueDate, BigDecimal amount, String currency) {
        this(sourceSystem, externalId, invoiceNumber, customerId, issueDate, dueDate, amount, currency, null);
    }

    public ErpInvoice {
        requireNonNull(sourceSystem, "sourceSystem");
        requireNonNull(externalId, "externalId");
        requireNonNull(invoiceNumber, "invoiceNumber");
        requireNonNull(customerId, "customerId");
        requireNonNull(issueDate, "issueDate");
        requireNonNull(dueDate, "dueDate");
        requireNonNull(amount, "amount");
        requireNonNull(currency, "currency");
    }
}
