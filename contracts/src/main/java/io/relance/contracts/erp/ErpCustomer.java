package io.relance.contracts.erp;

import static java.util.Objects.requireNonNull;

import io.relance.contracts.customer.Insolvency;
import io.relance.contracts.customer.Language;
import io.relance.contracts.customer.PostalAddress;
import io.relance.contracts.customer.Segment;
import java.util.List;

/**
 * An ERP states a debtor account's whole profile, on its own ({@code relance.erp.customer.v1}) or embedded in an
 * {@link ErpInvoice} so that the invoice's customer exists. Not an event: invoice-service turns each actual change
 * into a CustomerUpdated, and a resent profile changes nothing.
 *
 * @param customerId the debtor account's id in Relance; also the Kafka record key
 * @param sourceSystem the sending ERP, unique together with {@code externalId}
 * @param externalId the customer's id in that ERP
 * @param sirenOrVat SIREN (9 digits) or intra-EU VAT number; null when unknown
 * @param emails addresses reminders are e-mailed to; absent or empty when none
 * @param phone mobile number for SMS, E.164; null when unknown
 * @param paymentTermsDays the customer's default payment terms; null when the ERP sets none
 * @param insolvency proceedings opened against the customer; null when there are none
 */
public record ErpCustomer(
        String customerId,
        String sourceSystem,
        String externalId,
        String legalName,
        String sirenOrVat,
        List<String> emails,
        String phone,
        PostalAddress address,
        Language language,
        Segment segment,
        Integer paymentTermsDays,
        Insolvency insolvency) {

    public ErpCustomer {
        requireNonNull(customerId, "customerId");
        requireNonNull(sourceSystem, "sourceSystem");
        requireNonNull(externalId, "externalId");
        requireNonNull(legalName, "legalName");
        emails = emails == null ? List.of() : List.copyOf(emails);
        requireNonNull(language, "language");
        requireNonNull(segment, "segment");
    }
}
