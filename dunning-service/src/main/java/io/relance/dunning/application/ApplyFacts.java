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
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies the facts other services publish to the cases they concern, in the consumer's transaction: each fact
 * locks its customer, changes one case, publishes any closure and reschedules the customer.
 */
@ApplicationScoped
public class ApplyFacts {

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
        LocalDate today = clock.today();
        return onCase(session, customerId, invoiceId, details.amount().currency(), (debtor, dunningCase) -> {
            Optional<CaseClosed> closed = dunningCase.issue(details, today);
            if (closed.isEmpty() && debtor.isInsolvent()) {
                // An invoice of a customer already in proceedings is a claim to declare, never a case to chase.
                return dunningCase.closeForInsolvency(today, debtor.claimDeclarationDeadline().orElseThrow());
            }
            return closed;
        });
    }

    public Uni<Void> paymentReceived(Mutiny.Session session, String customerId, UUID invoiceId, Money amount,
                                     LocalDate valueDate) {
        return onCase(session, customerId, invoiceId, amount.currency(),
                (debtor, c) -> c.registerPayment(amount, valueDate));
    }

    public Uni<Void> paymentReversed(Mutiny.Session session, String customerId, UUID invoiceId, Money amount) {
        return onCase(session, customerId, invoiceId, amount.currency(), (debtor, c) -> {
            c.reversePayment(amount);
            return Optional.empty();
        });
    }

    public Uni<Void> credited(Mutiny.Session session, String customerId, UUID invoiceId, Money amount, LocalDate on) {
        return onCase(session, customerId, invoiceId, amount.currency(), (debtor, c) -> c.applyCredit(amount, on));
    }

    public Uni<Void> cancelled(Mutiny.Session session, String customerId, UUID invoiceId, Currency currency,
                               LocalDate on) {
        return onCase(session, customerId, invoiceId, currency, (debtor, c) -> c.cancel(on));
    }

    public Uni<Void> writtenOff(Mutiny.Session session, String customerId, UUID invoiceId, Currency currency,
                                LocalDate on) {
        return onCase(session, customerId, invoiceId, currency, (debtor, c) -> c.writeOff(on));
    }

    public Uni<Void> disputeOpened(Mutiny.Session session, String customerId, UUID invoiceId, Currency currency,
                                   UUID disputeId, LocalDate openedOn) {
        return onCase(session, customerId, invoiceId, currency, (debtor, c) -> {
            c.openDispute(disputeId, openedOn);
            return Optional.empty();
        });
    }

    public Uni<Void> disputeResolved(Mutiny.Session session, String customerId, UUID invoiceId, UUID disputeId,
                                     boolean credited) {
        return store.lockDebtor(session, customerId).chain(debtor -> store.caseOf(session, invoiceId)
                .chain(found -> {
                    if (found.isEmpty()) {
                        // No case means the dispute was never opened here either: nothing to resume.
                        return Uni.createFrom().voidItem();
                    }
                    found.get().resolveDispute(disputeId, credited);
                    return store.save(session, found.get())
                            .chain(() -> scheduling.afterFact(session, debtor, clock.today()));
                }));
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

    private interface CaseChange {
        Optional<CaseClosed> apply(Debtor debtor, DunningCase dunningCase);
    }

    private Uni<Void> onCase(Mutiny.Session session, String customerId, UUID invoiceId, Currency currency,
                             CaseChange change) {
        return store.lockDebtor(session, customerId).chain(debtor -> store.caseOf(session, invoiceId)
                .map(found -> found.orElseGet(() -> new DunningCase(UUID.randomUUID(), invoiceId, customerId, currency)))
                .chain(dunningCase -> {
                    Optional<CaseClosed> closed = change.apply(debtor, dunningCase);
                    return store.save(session, dunningCase)
                            .chain(() -> events.all(session, closed.stream().toList(), clock.now()))
                            .chain(() -> scheduling.afterFact(session, debtor, clock.today()));
                }));
    }
}
