package io.relance.contracts.customer;

import static java.util.Objects.requireNonNull;

import io.relance.contracts.RelanceEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The customer's profile is now this one: the whole profile, not a change, so that the compacted
 * {@code customer-profiles} topic keeps exactly the latest state of each customer.
 *
 * <p>This is the only event carrying personal contact data. Erasing a customer (GDPR) publishes a
 * tombstone on {@code customer-profiles}: a record with the customer id as key and a null value,
 * on which every consumer deletes its copy of the profile.
 *
 * @param sourceSystem the ERP the customer comes from
 * @param externalId the customer's id in {@code sourceSystem}
 * @param sirenOrVat SIREN, or intra-EU VAT number, without spaces; null when unknown
 * @param emails addresses reminders are e-mailed to, possibly none
 * @param phone mobile number for SMS, E.164 (for example {@code +33612345678}); null when unknown
 * @param address postal address for letters; null when unknown
 * @param paymentTermsDays the customer's contractual payment terms; null when the ERP sets none
 * @param insolvency proceedings opened against the customer; null when there are none
 */
public record CustomerUpdated(
        UUID eventId,
        Instant occurredAt,
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
        Insolvency insolvency) implements RelanceEvent {

    public CustomerUpdated {
        requireNonNull(eventId, "eventId");
        requireNonNull(occurredAt, "occurredAt");
        requireNonNull(customerId, "customerId");
        requireNonNull(sourceSystem, "sourceSystem");
        requireNonNull(externalId, "externalId");
        requireNonNull(legalName, "legalName");
        emails = List.copyOf(requireNonNull(emails, "emails"));
        requireNonNull(language, "language");
        requireNonNull(segment, "segment");
    }
}
