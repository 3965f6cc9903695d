package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.payment.domain.CreditApplication;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.PaymentAllocation;
import io.relance.payment.messaging.PaymentEvents;
import io.relance.payment.persistence.AllocationEntity;
import io.relance.payment.persistence.AllocationRepository;
import io.relance.payment.persistence.OpenItemEntity;
import io.relance.payment.persistence.OpenItemRepository;
import io.relance.payment.persistence.PaymentEntity;
import io.relance.payment.persistence.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a customer's unapplied credit to one of its open invoices. Each payment whose credit is used publishes a
 * PaymentReceived carrying only the new allocation, in the same transaction that lowers its unapplied amount.
 */
@ApplicationScoped
public class ApplyUnappliedCredit {

    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final OpenItemRepository items;
    private final Outbox outbox;
    private final Clock clock;

    ApplyUnappliedCredit(PaymentRepository payments, AllocationRepository allocations, OpenItemRepository items,
                         Outbox outbox, Clock clock) {
        this.payments = payments;
        this.allocations = allocations;
        this.items = items;
        this.outbox = outbox;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<List<CreditApplication.Use>> apply(String customerId, UUID invoiceId, BigDecimal amount) {
        return items.byIds(Set.of(invoiceId)).chain(found -> payments.withUnappliedCredit(customerId).chain(credits -> {
            OpenItemEntity item = found.stream().filter(OpenItemEntity::isIssued).findFirst().orElse(null);
            Money requested = amount == null || item == null ? null : new Money(amount, Money.currency(item.currency));
            Map<UUID, PaymentEntity> byId = credits.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            List<CreditApplication.Use> uses = CreditApplication.apply(customerId, item == null ? null : item.toDomain(),
                    credits.stream().map(p -> new CreditApplication.Credit(p.id, p.valueDate,
                            new Money(p.unapplied.stripTrailingZeros(), Money.currency(p.currency)))).toList(), requested);
            List<AllocationEntity> rows = new ArrayList<>();
            Uni<Void> events = Uni.createFrom().voidItem();
            for (CreditApplication.Use use : uses) {
                PaymentEntity payment = byId.get(use.paymentId());
                payment.unapplied = payment.unapplied.subtract(use.amount().amount());
                item.allocate(use.amount().amount(), clock.instant());
                rows.add(AllocationEntity.of(payment.id, invoiceId, use.amount().amount()));
                Money left = new Money(payment.unapplied.stripTrailingZeros(), Money.currency(payment.currency));
                events = events.chain(() -> outbox.append(PaymentEvents.received(payment.id, customerId,
                        payment.valueDate, CashApplier.money(payment), payment.method,
                        List.of(new PaymentAllocation(invoiceId, use.amount())), left, clock.instant())));
            }
            Uni<Void> published = events;
            return allocations.persist(rows).chain(() -> published).replaceWith(uses);
        }));
    }
}
