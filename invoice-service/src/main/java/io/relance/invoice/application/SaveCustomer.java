package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.customer.Customer;
import io.relance.invoice.domain.customer.CustomerDetails;
import io.relance.invoice.messaging.CustomerEvents;
import io.relance.invoice.persistence.CustomerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Creates or updates a debtor account; each actual change publishes the whole profile as CustomerUpdated. */
@ApplicationScoped
public class SaveCustomer {

    public enum Change { CREATED, UPDATED, UNCHANGED }

    public record Outcome(Customer customer, Change change) {
    }

    private final CustomerRepository customers;
    private final Outbox outbox;
    private final Clock clock;

    SaveCustomer(CustomerRepository customers, Outbox outbox, Clock clock) {
        this.customers = customers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Outcome> save(String customerId, CustomerDetails.Draft draft) {
        return Uni.createFrom().item(() -> checked(customerId, draft)).chain(details -> saveChecked(customerId, details));
    }

    /** Saves checked details inside the caller's transaction (invoice intake creates customers this way). */
    public Uni<Outcome> saveChecked(String customerId, CustomerDetails details) {
        return customers.bySourceReference(details.sourceSystem(), details.externalId()).chain(other -> {
            if (other.isPresent() && !other.get().id().equals(customerId)) {
                return Uni.createFrom().failure(new ConflictException("sourceSystem " + details.sourceSystem()
                        + " and externalId " + details.externalId() + " already identify customer " + other.get().id(),
                        List.of("sourceSystem", "externalId")));
            }
            return customers.byId(customerId).chain(existing -> apply(customerId, existing, details));
        });
    }

    private Uni<Outcome> apply(String customerId, Optional<Customer> existing, CustomerDetails details) {
        if (existing.isPresent() && !existing.get().isErased() && existing.get().details().equals(details)) {
            return Uni.createFrom().item(new Outcome(existing.get(), Change.UNCHANGED));
        }
        Customer saved = existing.map(customer -> customer.update(details))
                .orElseGet(() -> Customer.register(customerId, details));
        return customers.save(saved, clock.instant())
                .chain(() -> outbox.append(CustomerEvents.updated(saved, clock.instant())))
                .replaceWith(new Outcome(saved, existing.isPresent() ? Change.UPDATED : Change.CREATED));
    }

    private CustomerDetails checked(String customerId, CustomerDetails.Draft draft) {
        Customer.checkId(customerId);
        return CustomerDetails.check(draft, LocalDate.now(clock));
    }
}
