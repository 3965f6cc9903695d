package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.config.DunningConfig;
import io.relance.dunning.domain.Debtor;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.DunningRuleViolation;
import io.relance.dunning.domain.Instalment;
import io.relance.dunning.domain.ManualHold;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.PaymentPlan;
import io.relance.dunning.domain.PromiseToPay;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.PolicyStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** What credit controllers decide by hand: promises, plans, exclusions and pauses; each reschedules the customer. */
@ApplicationScoped
public class ManageHolds {

    /** One instalment as requested, in the invoice's currency. */
    public record InstalmentRequest(LocalDate dueOn, BigDecimal amount) {
    }

    private final DunningStore store;
    private final PolicyStore policies;
    private final Scheduling scheduling;
    private final BusinessClock clock;
    private final DunningConfig config;

    ManageHolds(DunningStore store, PolicyStore policies, Scheduling scheduling, BusinessClock clock,
                DunningConfig config) {
        this.store = store;
        this.policies = policies;
        this.scheduling = scheduling;
        this.clock = clock;
        this.config = config;
    }

    public Uni<DunningCase> promise(UUID invoiceId, LocalDate payBy, BigDecimal amount, Integer graceDays) {
        LocalDate today = clock.today();
        return onCase(invoiceId, (debtor, c) -> c.promise(PromiseToPay.make(today, payBy,
                new Money(amount, c.currency()), c.openAmount(),
                graceDays == null ? config.promiseGraceDays() : graceDays)));
    }

    public Uni<DunningCase> agreePlan(UUID invoiceId, List<InstalmentRequest> instalments, Integer graceDays) {
        LocalDate today = clock.today();
        return onCase(invoiceId, (debtor, c) -> c.agreePlan(PaymentPlan.agree(today,
                instalments.stream().map(i -> new Instalment(i.dueOn(), new Money(i.amount(), c.currency()))).toList(),
                c.openAmount(), graceDays == null ? config.planGraceDays() : graceDays)));
    }

    public Uni<DunningCase> exclude(UUID invoiceId, String reason, LocalDate startsOn, LocalDate endsOn) {
        ManualHold hold = new ManualHold(reason, startsOn == null ? clock.today() : startsOn, endsOn);
        return onCase(invoiceId, (debtor, c) -> c.exclude(hold));
    }

    public Uni<Debtor> pause(String customerId, String reason, LocalDate startsOn, LocalDate endsOn) {
        ManualHold hold = new ManualHold(reason, startsOn == null ? clock.today() : startsOn, endsOn);
        return onDebtor(customerId, debtor -> debtor.pause(hold));
    }

    public Uni<Debtor> lift(String customerId) {
        return onDebtor(customerId, debtor -> debtor.pause(null));
    }

    /** Gives the customer its own policy; null returns it to its segment's. */
    public Uni<Debtor> assignPolicy(String customerId, String policyId) {
        if (policyId == null) {
            return onDebtor(customerId, debtor -> debtor.assignPolicy(null));
        }
        return Panache.withSession(() -> Panache.getSession().chain(session -> policies.latest(session, policyId)))
                .chain(found -> found.isEmpty()
                        ? Uni.createFrom().failure(new DunningRuleViolation("policyId", "names no policy: " + policyId))
                        : onDebtor(customerId, debtor -> debtor.assignPolicy(policyId)));
    }

    /** Gives the customer's worklist items to {@code collector}; null unassigns it. */
    public Uni<Debtor> assign(String customerId, String collector) {
        return onDebtor(customerId, debtor -> debtor.assignTo(collector));
    }

    public Uni<Debtor> agreeContractRate(String customerId, BigDecimal annualRate) {
        return onDebtor(customerId, debtor -> debtor.agreeContractRate(annualRate));
    }

    private Uni<Debtor> onDebtor(String customerId, Consumer<Debtor> change) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                store.lockDebtor(session, customerId).chain(debtor -> {
                    change.accept(debtor);
                    return store.save(session, debtor)
                            .chain(() -> scheduling.afterFact(session, debtor, clock.today()))
                            .replaceWith(debtor);
                })));
    }

    private Uni<DunningCase> onCase(UUID invoiceId, BiConsumer<Debtor, DunningCase> change) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                store.customerOf(session, invoiceId).chain(customer -> customer.isEmpty()
                        ? Uni.createFrom().failure(new UnknownInvoiceException(invoiceId))
                        : locked(session, customer.get(), invoiceId, change))));
    }

    private Uni<DunningCase> locked(Mutiny.Session session, String customerId, UUID invoiceId,
                                    BiConsumer<Debtor, DunningCase> change) {
        return store.lockDebtor(session, customerId).chain(debtor -> store.caseOf(session, invoiceId)
                .chain(found -> {
                    DunningCase dunningCase = found.orElseThrow(() -> new UnknownInvoiceException(invoiceId));
                    change.accept(debtor, dunningCase);
                    return store.save(session, dunningCase)
                            .chain(() -> scheduling.afterFact(session, debtor, clock.today()))
                            .replaceWith(dunningCase);
                }));
    }
}
