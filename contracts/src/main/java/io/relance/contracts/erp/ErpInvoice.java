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
 */
public record ErpInvoice(
        String sourceSystem,
        String externalId,
        String invoiceNumber,
        String customerId,
        LocalDate issueDate,
        LocalDate dueDate,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        String currency) {

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
