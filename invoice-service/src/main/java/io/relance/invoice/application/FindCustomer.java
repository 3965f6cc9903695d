package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.relance.invoice.domain.customer.Customer;
import io.relance.invoice.persistence.CustomerRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class FindCustomer {

    private final CustomerRepository customers;

    FindCustomer(CustomerRepository customers) {
        this.customers = customers;
    }

    @WithSession
    public Uni<Customer> byId(String id) {
        return customers.byId(id).map(found -> found.orElseThrow(() -> new UnknownCustomerException(id)));
    }
}
