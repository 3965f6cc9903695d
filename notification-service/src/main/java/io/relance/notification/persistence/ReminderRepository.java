package io.relance.notification.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.notification.domain.Reminder;
import io.relance.notification.domain.ReminderLine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<ReminderEntity, UUID> {

    private final ObjectMapper mapper;

    ReminderRepository(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Boolean> exists(UUID reminderId) {
        return findById(reminderId).map(entity -> entity != null);
    }

    public Uni<Void> add(Reminder reminder, Instant receivedAt) {
        ReminderEntity entity = new ReminderEntity();
        entity.reminderId = reminder.reminderId();
        entity.customerId = reminder.customerId();
        entity.templateKey = reminder.templateKey();
        entity.tone = reminder.tone().name();
        entity.businessDate = reminder.businessDate();
        entity.statement = write(reminder);
        entity.receivedAt = receivedAt;
        Uni<Void> chain = persist(entity).replaceWithVoid();
        // One row per invoice even if a statement lists an invoice twice (the key is reminder + invoice).
        for (ReminderLine line : reminder.lines().stream()
                .collect(Collectors.toMap(ReminderLine::invoiceId, l -> l, (a, b) -> a)).values()) {
            ReminderInvoiceEntity invoice = new ReminderInvoiceEntity();
            invoice.reminderId = reminder.reminderId();
            invoice.invoiceId = line.invoiceId();
            invoice.invoiceNumber = line.invoiceNumber();
            chain = chain.chain(() -> Panache.getSession().chain(session -> session.persist(invoice)));
        }
        return chain;
    }

    public Uni<Optional<Reminder>> byId(UUID reminderId) {
        return findById(reminderId).map(entity -> Optional.ofNullable(entity).map(e -> read(e.statement)));
    }

    private String write(Reminder reminder) {
        try {
            return mapper.writeValueAsString(reminder);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("reminder " + reminder.reminderId() + " cannot be written as JSON", e);
        }
    }

    private Reminder read(String json) {
        try {
            return mapper.readValue(json, Reminder.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored reminder cannot be read: " + e.getOriginalMessage(), e);
        }
    }
}
