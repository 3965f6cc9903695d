package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.payment.domain.CustomerNames;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<CustomerEntity, String> {

    public Uni<Void> save(String customerId, String legalName) {
        return findById(customerId).chain(found -> {
            CustomerEntity entity = found != null ? found : new CustomerEntity();
            entity.customerId = customerId;
            entity.legalName = legalName;
            entity.normalizedName = CustomerNames.normalize(legalName);
            return found != null ? Uni.createFrom().voidItem() : persist(entity).replaceWithVoid();
        });
    }

    public Uni<Void> erase(String customerId) {
        return deleteById(customerId).replaceWithVoid();
    }

    public Uni<List<CustomerEntity>> byIds(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return list("customerId in ?1", customerIds);
    }

    public Uni<Set<String>> named(String normalizedName) {
        if (normalizedName.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return find("normalizedName", normalizedName).list()
                .map(list -> list.stream().map(c -> c.customerId).collect(Collectors.toSet()));
    }
}
