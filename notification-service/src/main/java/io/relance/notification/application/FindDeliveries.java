package io.relance.notification.application;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.relance.notification.domain.Delivery;
import io.relance.notification.persistence.DeliveryAttemptEntity;
import io.relance.notification.persistence.DeliveryEntity;
import io.relance.notification.persistence.DeliveryRepository;
import io.relance.notification.persistence.LetterRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The delivery history: by customer, by invoice, with every attempt; and the PDF of each letter. */
@ApplicationScoped
public class FindDeliveries {

    public record Attempt(int number, Instant startedAt, Instant finishedAt, String outcome, String detail) {
    }

    public record DeliveryView(Delivery delivery, List<Attempt> attempts) {
    }

    private final DeliveryRepository deliveries;
    private final LetterRepository letters;

    FindDeliveries(DeliveryRepository deliveries, LetterRepository letters) {
        this.deliveries = deliveries;
        this.letters = letters;
    }

    @WithSession
    public Uni<List<DeliveryView>> byCustomer(String customerId) {
        return deliveries.byCustomer(customerId).chain(this::withAttempts);
    }

    @WithSession
    public Uni<List<DeliveryView>> byInvoice(UUID invoiceId) {
        return deliveries.byInvoice(invoiceId).chain(this::withAttempts);
    }

    @WithSession
    public Uni<Optional<byte[]>> letter(UUID deliveryId) {
        return letters.pdf(deliveryId);
    }

    private Uni<List<DeliveryView>> withAttempts(List<DeliveryEntity> rows) {
        return deliveries.attemptsOf(rows.stream().map(r -> r.id).toList()).map(attempts -> {
            Map<UUID, List<Attempt>> byDelivery = attempts.stream().collect(Collectors.groupingBy(a -> a.deliveryId,
                    Collectors.mapping(FindDeliveries::attempt, Collectors.toList())));
            return rows.stream().map(r -> new DeliveryView(r.toDomain(), byDelivery.getOrDefault(r.id, List.of()))).toList();
        });
    }

    private static Attempt attempt(DeliveryAttemptEntity a) {
        return new Attempt(a.number, a.startedAt, a.finishedAt, a.outcome, a.detail);
    }
}
