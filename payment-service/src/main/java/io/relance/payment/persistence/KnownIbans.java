package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/** IBANs learnt from matched payments; plain SQL, since the table is a set of pairs and nothing more. */
@ApplicationScoped
public class KnownIbans {

    public Uni<Void> learn(String iban, String customerId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO known_iban (iban, customer_id, learnt_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT (iban, customer_id) DO NOTHING""")
                .setParameter(1, iban).setParameter(2, customerId)
                .setParameter(3, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<Set<String>> customersPayingFrom(String iban) {
        if (iban == null) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT customer_id FROM known_iban WHERE iban = ?1", String.class)
                .setParameter(1, iban).getResultList())
                .map(Set::copyOf);
    }
}
