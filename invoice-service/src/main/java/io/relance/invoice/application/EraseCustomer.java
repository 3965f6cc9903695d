package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.contracts.Topics;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.customer.Customer;
import io.relance.invoice.messaging.CustomerEvents;
import io.relance.invoice.persistence.CustomerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;

/**
 * GDPR erasure: anonymises the customer's personal data, publishes the anonymised profile (consumers that keep
 * a copy replace it), then a tombstone on customer-profiles, so compaction removes every record of the customer.
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
                    .chain(() -> Panache.getSession())
                    .chain(session -> outbox.appendTombstone(session, Topics.CUSTOMER_PROFILES, customerId, clock.instant()))
                    .replaceWith(erased);
        });
    }
}
