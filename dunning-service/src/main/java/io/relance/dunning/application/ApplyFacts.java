package io.relance.dunning.application;

import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.CaseClosed;
import io.relance.dunning.domain.Debtor;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.Segment;
import io.relance.dunning.messaging.DunningEvents;
import io.relance.dunning.persistence.DunningStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Applies the facts other services publish to the cases they concern, in the consumer's transaction. A batch of
 * facts (a Kafka poll's) is applied with a fixed number of statements: its customers' debtors are created and
 * locked in customer order, their open cases and the cases the facts name are read in one query, the facts change
 * them in memory in record order, then one upsert writes the changed cases, one append the closures and one upsert
 * the customers' next action days.
 */
@ApplicationScoped
public class ApplyFacts {

    /** What one fact does to its invoice's case; {@code today} is the business day it is applied on. */
    @FunctionalInterface
    public interface CaseChange {
        Optional<CaseClosed> apply(Debtor debtor, DunningCase dunningCase, LocalDate today);
    }

    /**
     * One fact about one invoice: the case is created from it when missing ({@code opensCase}; a payment may come
     * before its invoice), or else the fact changes nothing.
     */
    public record Fact(String customerId, UUID invoiceId, Currency currency, boolean opensCase, CaseChange change) {

        public static Fact invoiceIssued(String customerId, UUID invoiceId, DunningCase.InvoiceDetails details) {
            return new Fact(customerId, invoiceId, details.amount().currency(), true, (debtor, c, today) -> {
                Optional<CaseClosed> closed = c.issue(details, today);
                if (closed.isEmpty() && debtor.isInsolvent()) {
                    // An invoice of a customer already in proceedings is a claim to declare, never a case to chase.
                    return c.closeForInsolvency(today, debtor.claimDeclarationDeadline().orElseThrow());
                }
                return closed;
            });
        }

        public static Fact paymentReceived(String customerId, UUID invoiceId, Money amount, LocalDate valueDate) {
            return new Fact(customerId, invoiceId, amount.currency(), true,
                    (debtor, c, today) -> c.registerPayment(amount, valueDate));
        }

        public static Fact paymentReversed(String customerId, UUID invoiceId, Money amount) {
            return new Fact(customerId, invoiceId, amount.currency(), true, (debtor, c, today) -> {
                c.reversePayment(amount);
                return Optional.empty();
            });
        }

        public static Fact credited(String customerId, UUID invoiceId, Money amount, LocalDate on) {
            return new Fact(customerId, invoiceId, amount.currency(), true,
                    (debtor, c, today) -> c.applyCredit(amount, on));
        }

        public static Fact cancelled(String customerId, UUID invoiceId, Currency currency, LocalDate on) {
            return new Fact(customerId, invoiceId, currency, true, (debtor, c, today) -> c.cancel(on));
        }

        public static Fact writtenOff(String customerId, UUID invoiceId, Currency currency, LocalDate on) {
            return new Fact(customerId, invoiceId, currency, true, (debtor, c, today) -> c.writeOff(on));
        }

        public static Fact disputeOpened(String customerId, UUID invoiceId, Currency currency, UUID disputeId,
                                         LocalDate openedOn) {
            return new Fact(customerId, invoiceId, currency, true, (debtor, c, today) -> {
                c.openDispute(disputeId, openedOn);
                return Optional.empty();
            });
        }

        /** No case means the dispute was never opened here either: nothing to resume. */
        public static Fact disputeResolved(String customerId, UUID invoiceId, UUID disputeId, boolean credited) {
            return new Fact(customerId, invoiceId, null, false, (debtor, c, today) -> {
                c.resolveDispute(disputeId, credited);
                return Optional.empty();
            });
        }
    }

    private final DunningStore store;
    private final Scheduling scheduling;
    private final DunningEvents events;
    private final BusinessClock clock;

    ApplyFacts(DunningStore store, Scheduling scheduling, DunningEvents events, BusinessClock clock) {
        this.store = store;
        this.scheduling = scheduling;
        this.events = events;
        this.clock = clock;
    }

    public Uni<Void> invoiceIssued(Mutiny.Session session, String customerId, UUID invoiceId,
                                   DunningCase.InvoiceDetails details) {
        return applyAll(session, List.of(Fact.invoiceIssued(customerId, invoiceId, details)));
    }

    /** Applies the facts in order, in the caller's transaction, with a fixed number of statements. */
    public Uni<Void> applyAll(Mutiny.Session session, List<Fact> facts) {
        if (facts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        LocalDate today = clock.today();
        Set<String> customers = new TreeSet<>();
        Set<UUID> invoices = new LinkedHashSet<>();
        facts.forEach(fact -> {
            customers.add(fact.customerId());
            invoices.add(fact.invoiceId());
        });
        return store.lockDebtors(session, customers).chain(debtors -> store.casesForFacts(session, customers, invoices)
                .chain(loaded -> {
                    Map<UUID, DunningCase> byInvoice = new LinkedHashMap<>();
                    loaded.forEach(c -> byInvoice.put(c.invoiceId(), c));
                    Map<UUID, DunningCase> changed = new LinkedHashMap<>();
                    List<CaseClosed> closures = new ArrayList<>();
                    for (Fact fact : facts) {
                        DunningCase dunningCase = byInvoice.get(fact.invoiceId());
                        if (dunningCase == null) {
                            if (!fact.opensCase()) {
                                continue;
                            }
                            dunningCase = new DunningCase(UUID.randomUUID(), fact.invoiceId(), fact.customerId(),
                                    fact.currency());
                            byInvoice.put(fact.invoiceId(), dunningCase);
                        }
                        fact.change().apply(debtors.get(fact.customerId()), dunningCase, today)
                                .ifPresent(closures::add);
                        changed.put(dunningCase.caseId(), dunningCase);
                    }
                    return store.upsertAll(session, List.copyOf(changed.values()))
                            .chain(() -> events.all(session, closures, clock.now()))
                            .chain(() -> scheduling.afterFacts(session, debtors, openByCustomer(byInvoice.values()), today));
                }));
    }

    /** The open cases among {@code cases}, per customer: what the customers' next action days depend on. */
    private static Map<String, List<DunningCase>> openByCustomer(Collection<DunningCase> cases) {
        Map<String, List<DunningCase>> open = new HashMap<>();
        cases.stream().filter(c -> !c.isClosed())
                .forEach(c -> open.computeIfAbsent(c.customerId(), id -> new ArrayList<>()).add(c));
        return open;
    }

    /** The customer's profile changed: its segment, and proceedings that stop its dunning for good. */
    public Uni<Void> customerUpdated(Mutiny.Session session, String customerId, Segment segment,
                                     LocalDate insolvencyPublishedOn) {
        LocalDate today = clock.today();
        return store.lockDebtor(session, customerId).chain(debtor -> {
            debtor.changeSegment(segment);
            if (insolvencyPublishedOn == null) {
                return store.save(session, debtor).chain(() -> scheduling.afterFact(session, debtor, today));
            }
            LocalDate declareBy = debtor.enterInsolvency(insolvencyPublishedOn);
            return store.save(session, debtor)
                    .chain(() -> store.openCases(session, customerId))
                    .chain(cases -> {
                        List<CaseClosed> closures = new ArrayList<>();
                        cases.forEach(c -> c.closeForInsolvency(today, declareBy).ifPresent(closures::add));
                        return store.saveAll(session, cases)
                                .chain(() -> events.all(session, closures, clock.now()))
                                .chain(() -> store.schedule(session, customerId, Optional.empty()));
                    });
        });
    }
}
