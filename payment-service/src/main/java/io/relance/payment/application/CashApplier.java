package io.relance.payment.application;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.relance.delivery.Outbox;
import io.relance.payment.domain.CashApplication;
import io.relance.payment.domain.CustomerNames;
import io.relance.payment.domain.IncomingPayment;
import io.relance.payment.domain.MatchDecision;
import io.relance.payment.domain.MatchRule;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItemsSnapshot;
import io.relance.payment.domain.PaymentAllocation;
import io.relance.payment.domain.PaymentStatus;
import io.relance.payment.domain.ReferenceKeys;
import io.relance.payment.messaging.PaymentEvents;
import io.relance.payment.persistence.AllocationEntity;
import io.relance.payment.persistence.AllocationRepository;
import io.relance.payment.persistence.CandidateEntity;
import io.relance.payment.persistence.CandidateRepository;
import io.relance.payment.persistence.CustomerRepository;
import io.relance.payment.persistence.KnownIbans;
import io.relance.payment.persistence.OpenItemEntity;
import io.relance.payment.persistence.OpenItemRepository;
import io.relance.payment.persistence.PaymentEntity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs cash application for one payment inside the caller's transaction: loads (and locks) the open items it may
 * concern, lets the domain decide, and stores the decision with its PaymentReceived event.
 */
@Startup
@ApplicationScoped
public class CashApplier {

    private static final int SAME_AMOUNT_LOOKUPS = 20;

    private final CashApplication cashApplication = new CashApplication();
    private final OpenItemRepository items;
    private final CustomerRepository customers;
    private final KnownIbans ibans;
    private final AllocationRepository allocations;
    private final CandidateRepository candidates;
    private final Outbox outbox;
    private final Clock clock;
    private final Map<MatchRule, Counter> matched = new EnumMap<>(MatchRule.class);
    private final Counter unmatched;

    CashApplier(OpenItemRepository items, CustomerRepository customers, KnownIbans ibans,
                AllocationRepository allocations, CandidateRepository candidates, Outbox outbox, Clock clock,
                MeterRegistry registry) {
        this.items = items;
        this.customers = customers;
        this.ibans = ibans;
        this.allocations = allocations;
        this.candidates = candidates;
        this.outbox = outbox;
        this.clock = clock;
        // Every outcome has its series from the start, at 0, so the share of each is readable from the first payment.
        for (MatchRule rule : MatchRule.values()) {
            matched.put(rule, outcomeCounter(registry, rule.name()));
        }
        this.unmatched = outcomeCounter(registry, "UNMATCHED");
    }

    private static Counter outcomeCounter(MeterRegistry registry, String outcome) {
        return Counter.builder("relance.payments.applied")
                .description("Cash application outcomes: the rule that matched the payment (MANUAL: by a collector), "
                        + "or UNMATCHED when it was queued for a collector")
                .tag("outcome", outcome).register(registry);
    }

    /** Matches a stored payment that has no allocation and records the decision. */
    Uni<Void> apply(PaymentEntity payment) {
        IncomingPayment incoming = new IncomingPayment(money(payment), payment.valueDate, payment.payerName,
                payment.payerIban, payment.remittance, payment.references());
        return snapshotFor(incoming).chain(snapshot -> {
            MatchDecision decision = cashApplication.match(incoming, snapshot.view());
            if (decision instanceof MatchDecision.Matched matched) {
                return settle(payment, matched, snapshot.entities());
            }
            return queue(payment, (MatchDecision.Unmatched) decision).invoke(() -> unmatched.increment());
        });
    }

    /** Stores a match (automatic or by hand): allocations, open balances, the payer's IBAN, the event. */
    Uni<Void> settle(PaymentEntity payment, MatchDecision.Matched matched, Map<UUID, OpenItemEntity> lockedItems) {
        payment.status = PaymentStatus.MATCHED;
        payment.customerId = matched.customerId();
        payment.matchRule = matched.rule();
        payment.unapplied = matched.unapplied().amount();
        payment.queueReason = null;
        List<AllocationEntity> rows = new ArrayList<>();
        for (PaymentAllocation allocation : matched.allocations()) {
            lockedItems.get(allocation.invoiceId()).allocate(allocation.amount().amount(), clock.instant());
            rows.add(AllocationEntity.of(payment.id, allocation.invoiceId(), allocation.amount().amount()));
        }
        Uni<Void> learn = payment.payerIban == null ? Uni.createFrom().voidItem()
                : ibans.learn(payment.payerIban, matched.customerId(), clock.instant());
        return candidates.removeOfPayment(payment.id)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : allocations.persist(rows))
                .chain(() -> learn)
                .chain(() -> outbox.append(PaymentEvents.received(payment.id, matched.customerId(), payment.valueDate,
                        money(payment), payment.method, matched.allocations(), matched.unapplied(), clock.instant())))
                .invoke(() -> this.matched.get(matched.rule()).increment());
    }

    Uni<Void> queue(PaymentEntity payment, MatchDecision.Unmatched unmatched) {
        payment.status = PaymentStatus.UNMATCHED;
        payment.customerId = null;
        payment.matchRule = null;
        payment.unapplied = BigDecimal.ZERO;
        payment.queueReason = unmatched.reason();
        List<CandidateEntity> rows = new ArrayList<>();
        for (int rank = 0; rank < unmatched.candidates().size(); rank++) {
            rows.add(CandidateEntity.of(payment.id, rank + 1, unmatched.candidates().get(rank)));
        }
        return candidates.removeOfPayment(payment.id)
                .chain(() -> rows.isEmpty() ? Uni.createFrom().voidItem() : candidates.persist(rows));
    }

    record Snapshot(OpenItemsSnapshot view, Map<UUID, OpenItemEntity> entities) {
    }

    private Uni<Snapshot> snapshotFor(IncomingPayment payment) {
        Set<String> keys = ReferenceKeys.inText(payment.referenceText());
        String normalizedName = CustomerNames.normalize(payment.payerName());
        return ibans.customersPayingFrom(payment.payerIban()).chain(byIban ->
                customers.named(normalizedName).chain(byName -> {
                    Set<String> payers = new HashSet<>(byIban);
                    payers.addAll(byName);
                    return items.byKeys(keys).chain(named -> items.ofCustomers(payers).chain(own ->
                            items.withOpenAmount(payment.amount().code(), payment.amount().amount(), SAME_AMOUNT_LOOKUPS)
                                    .chain(sameAmount -> customers.byIds(named.stream().map(e -> e.customerId)
                                            .collect(Collectors.toSet())).map(namedCustomers -> {
                                        OpenItemsSnapshot view = new OpenItemsSnapshot();
                                        byIban.forEach(c -> view.knowIban(payment.payerIban(), c));
                                        byName.forEach(c -> view.knowNormalizedName(normalizedName, c));
                                        namedCustomers.forEach(c -> view.knowNormalizedName(c.normalizedName, c.customerId));
                                        Map<UUID, OpenItemEntity> entities = new LinkedHashMap<>();
                                        for (List<OpenItemEntity> list : List.of(named, own, sameAmount)) {
                                            list.forEach(e -> entities.putIfAbsent(e.invoiceId, e));
                                        }
                                        entities.values().forEach(e -> view.add(e.toDomain()));
                                        return new Snapshot(view, entities);
                                    }))));
                }));
    }

    /** The open items a collector names, locked, keyed by invoice id. */
    Uni<Map<UUID, OpenItemEntity>> lockItems(Set<UUID> invoiceIds) {
        return items.byIds(invoiceIds).map(list -> list.stream()
                .collect(Collectors.toMap(e -> e.invoiceId, Function.identity())));
    }

    static Money money(PaymentEntity payment) {
        return new Money(payment.amount.stripTrailingZeros(), Money.currency(payment.currency));
    }
}
