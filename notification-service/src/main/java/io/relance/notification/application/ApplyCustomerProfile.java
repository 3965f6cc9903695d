package io.relance.notification.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.notification.domain.Contact;
import io.relance.notification.persistence.ContactRepository;
import io.relance.notification.persistence.DeliveryRepository;
import io.relance.notification.persistence.SuppressionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the copy of each customer's contact data current, and deletes it when the customer is erased. */
@ApplicationScoped
public class ApplyCustomerProfile {

    private final ContactRepository contacts;
    private final DeliveryRepository deliveries;
    private final SuppressionRepository suppressions;

    ApplyCustomerProfile(ContactRepository contacts, DeliveryRepository deliveries, SuppressionRepository suppressions) {
        this.contacts = contacts;
        this.deliveries = deliveries;
        this.suppressions = suppressions;
    }

    /** Runs in the caller's transaction; an older profile arriving late is ignored. */
    public Uni<Void> update(Contact contact) {
        return contacts.keepNewest(contact).replaceWithVoid();
    }

    /**
     * The customer was erased: its profile, its suppressed addresses and the addresses in its delivery history go.
     * Idempotent, so a repeated tombstone needs no processed-event record.
     */
    @WithTransaction
    public Uni<Void> erase(String customerId) {
        return contacts.erase(customerId)
                .chain(() -> suppressions.forgetCustomer(customerId))
                .chain(() -> deliveries.forgetRecipients(customerId))
                .replaceWithVoid();
    }
}
