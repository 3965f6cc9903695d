package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.customer.Customer;
import io.relance.invoice.messaging.CustomerEvents;
import io.relance.invoice.persistence.CustomerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * GDPR erasure: anonymises the customer's personal data and publishes the anonymised profile, which replaces the
 * personal one in every consumer's copy and, after compaction, on the topic. The contract also asks for a
 * tombstone on customer-profiles, which the outbox cannot write yet (see the README).
 */
@ApplicationScoped
public class EraseCustomer {

    private final CustomerRepository customers;
    private final Outbox outbox;
    private final Clock clock;

    EraseCustomer(CustomerRepository customers, Outbox outbox, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Customer> erase(String customerId) {
        return customers.byId(customerId).chain(found -> {
            Customer customer = found.orElseThrow(() -> new UnknownCustomerException(customerId));
            if (customer.isErased()) {
                return Uni.createFrom().item(customer);
            }
            Customer erased = customer.erase(clock.instant());
            return customers.save(erased, clock.instant())
                    .chain(() -> outbox.append(CustomerEvents.updated(erased, clock.instant())))
                    .replaceWith(erased);
        });
    }
}
