package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.config.DunningConfig;
import io.relance.dunning.domain.CallOutcome;
import io.relance.dunning.domain.CallReport;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.DunningRuleViolation;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.PromiseToPay;
import io.relance.dunning.domain.ReminderLine;
import io.relance.dunning.domain.WorkItem;
import io.relance.dunning.domain.WorkItemKind;
import io.relance.dunning.domain.Worklist;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.HistoryEntry;
import io.relance.dunning.persistence.StoredReminder;
import io.relance.dunning.persistence.WorkItemEntity;
import io.relance.dunning.persistence.WorklistStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The collectors' worklist: phone steps due, broken promises, disputes open too long and cases handed over, read
 * from the items the sweep opened and the cases' disputes; and the outcome of each call, recorded in the history.
 */
@ApplicationScoped
public class CollectorWorklist {

    /** Items a worklist is assembled from, per kind: a bound on the work of one request. */
    private static final int MAX_ITEMS = 5000;

    private final WorklistStore worklist;
    private final DunningStore store;
    private final Scheduling scheduling;
    private final BusinessClock clock;
    private final DunningConfig config;

    CollectorWorklist(WorklistStore worklist, DunningStore store, Scheduling scheduling, BusinessClock clock,
                      DunningConfig config) {
        this.worklist = worklist;
        this.store = store;
        this.scheduling = scheduling;
        this.clock = clock;
        this.config = config;
    }

    /** A page of the worklist of {@code assignee} (everyone's when null); disputes count after {@code disputeDays}. */
    public Uni<Worklist.Page> list(String assignee, Integer disputeDays, String after, int limit) {
        LocalDate today = clock.today();
        int days = disputeDays == null ? config.worklistDisputeDays() : disputeDays;
        if (days < 0) {
            throw new DunningRuleViolation("disputeDays", "must not be negative");
        }
        return Panache.withSession(() -> Panache.getSession().chain(session ->
                worklist.openItems(session, MAX_ITEMS).chain(rows ->
                        worklist.disputedBefore(session, today.minusDays(days), MAX_ITEMS).chain(disputed ->
                                assemble(session, rows, disputed.stream().filter(c -> Worklist.isDisputeOverdue(
                                        c.disputedSince().orElseThrow(), today, days)).toList())))))
                .map(items -> Worklist.page(items, today, assignee, after, limit));
    }

    /**
     * Records a call about item {@code itemId} in the customer's history; a promise to pay becomes the invoice's
     * promise hold, and any outcome but no answer completes the item. A dispute stays on the list until
     * invoice-service resolves it.
     */
    public Uni<Boolean> recordCall(UUID itemId, CallReport report) {
        LocalDate today = clock.today();
        return Panache.withTransaction(() -> Panache.getSession().chain(session ->
                find(session, itemId).chain(found -> found.isEmpty()
                        ? Uni.createFrom().item(Boolean.FALSE)
                        : record(session, found.get(), report, today).replaceWith(Boolean.TRUE))));
    }

    private Uni<Void> record(Mutiny.Session session, Found found, CallReport report, LocalDate today) {
        WorkItem item = found.item();
        Optional<UUID> promised = report.promisedInvoice(item);
        return store.lockDebtor(session, item.customerId()).chain(debtor -> {
            Uni<Void> promise = promised.map(invoiceId -> store.caseOf(session, invoiceId).chain(c -> {
                DunningCase dunningCase = c.orElseThrow(() -> new UnknownInvoiceException(invoiceId));
                dunningCase.promise(PromiseToPay.make(today, report.payBy(),
                        new Money(report.amount(), dunningCase.currency()), dunningCase.openAmount(),
                        config.promiseGraceDays()));
                return store.save(session, dunningCase);
            })).orElseGet(() -> Uni.createFrom().voidItem());
            return promise
                    .chain(() -> worklist.record(session, new HistoryEntry(UUID.randomUUID(), item.customerId(),
                            promised.map(List::of).orElse(item.invoiceIds()), clock.now(), today,
                            HistoryEntry.Kind.CALL, "PHONE", found.reminderId(), describe(item, report))))
                    .chain(() -> found.row() && report.outcome().completesTheItem()
                            ? worklist.complete(session, item.itemId(), report.outcome().name(), clock.now())
                            : Uni.createFrom().voidItem())
                    .chain(() -> found.reminderId() == null ? Uni.createFrom().voidItem()
                            : store.recordOutcome(session, found.reminderId(),
                            report.outcome() == CallOutcome.NO_ANSWER ? StoredReminder.Outcome.FAILED
                                    : StoredReminder.Outcome.SENT, "PHONE_TASK", report.outcome().name(),
                            clock.now()).replaceWithVoid())
                    .chain(() -> scheduling.afterFact(session, debtor, today));
        });
    }

    private static String describe(WorkItem item, CallReport report) {
        StringBuilder detail = new StringBuilder(item.kind().name()).append(": ").append(report.outcome().name());
        if (report.outcome() == CallOutcome.PROMISE_TO_PAY) {
            detail.append(" of ").append(report.amount().toPlainString()).append(' ')
                    .append(item.amountOpen().currency().getCurrencyCode()).append(" by ").append(report.payBy());
        }
        if (report.note() != null && !report.note().isBlank()) {
            detail.append(" (").append(report.note().strip()).append(')');
        }
        return detail.toString();
    }

    /** An open item and where it comes from: a stored row (with its reminder for a phone step) or a dispute. */
    private record Found(WorkItem item, boolean row, UUID reminderId) {
    }

    private Uni<Optional<Found>> find(Mutiny.Session session, UUID itemId) {
        return worklist.openItem(session, itemId).chain(row -> {
            if (row.isPresent()) {
                return assemble(session, List.of(row.get()), List.of()).map(items -> items.stream().findFirst()
                        .map(item -> new Found(item, true, row.get().reminderId)));
            }
            // A dispute's item is named after its case.
            return worklist.casesById(session, List.of(itemId)).chain(cases -> assemble(session, List.of(),
                    cases.stream().filter(c -> !c.isClosed() && c.disputedSince().isPresent()).toList()))
                    .map(items -> items.stream().findFirst().map(item -> new Found(item, false, null)));
        });
    }

    /** Builds the items of {@code rows} and {@code disputed} from the current state of their cases. */
    private Uni<List<WorkItem>> assemble(Mutiny.Session session, List<WorkItemEntity> rows,
                                         List<DunningCase> disputed) {
        Set<UUID> reminderIds = rows.stream().map(r -> r.reminderId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<UUID> caseIds = rows.stream().map(r -> r.caseId).filter(Objects::nonNull).collect(Collectors.toSet());
        return worklist.reminders(session, reminderIds).chain(reminders -> {
            Set<UUID> invoiceIds = reminders.stream().flatMap(r -> r.reminder().lines().stream())
                    .map(ReminderLine::invoiceId).collect(Collectors.toSet());
            return worklist.casesById(session, caseIds).chain(cases -> worklist.casesOfInvoices(session, invoiceIds)
                    .chain(statementCases -> {
                        Set<String> customers = new HashSet<>();
                        rows.forEach(r -> customers.add(r.customerId));
                        disputed.forEach(c -> customers.add(c.customerId()));
                        return worklist.assignees(session, customers).map(assignees -> items(rows, disputed,
                                reminders, cases, statementCases, assignees));
                    }));
        });
    }

    private static List<WorkItem> items(List<WorkItemEntity> rows, List<DunningCase> disputed,
                                        List<StoredReminder> reminders, List<DunningCase> cases,
                                        List<DunningCase> statementCases, Map<String, String> assignees) {
        Map<UUID, StoredReminder> reminderById = reminders.stream()
                .collect(Collectors.toMap(r -> r.reminder().reminderId(), Function.identity()));
        Map<UUID, DunningCase> caseById = cases.stream()
                .collect(Collectors.toMap(DunningCase::caseId, Function.identity()));
        Map<UUID, DunningCase> caseByInvoice = statementCases.stream()
                .collect(Collectors.toMap(DunningCase::invoiceId, Function.identity()));
        List<WorkItem> items = new ArrayList<>();
        for (WorkItemEntity row : rows) {
            List<DunningCase> concerned = row.reminderId != null
                    ? Optional.ofNullable(reminderById.get(row.reminderId)).stream()
                    .flatMap(r -> r.reminder().lines().stream()).map(l -> caseByInvoice.get(l.invoiceId())).toList()
                    : Stream.ofNullable(caseById.get(row.caseId)).toList();
            item(row.itemId, WorkItemKind.valueOf(row.kind), row.customerId, assignees.get(row.customerId),
                    concerned, row.openedOn).ifPresent(items::add);
        }
        for (DunningCase c : disputed) {
            item(c.caseId(), WorkItemKind.DISPUTE, c.customerId(), assignees.get(c.customerId()), List.of(c),
                    c.disputedSince().orElseThrow()).ifPresent(items::add);
        }
        return items;
    }

    /** The item over the cases still open among {@code concerned}; none when every one of them is closed. */
    private static Optional<WorkItem> item(UUID itemId, WorkItemKind kind, String customerId, String assignee,
                                           List<DunningCase> concerned, LocalDate since) {
        List<DunningCase> open = concerned.stream().filter(Objects::nonNull)
                .filter(c -> c.isIssued() && !c.isClosed())
                .sorted(Comparator.comparing((DunningCase c) -> c.invoice().dueDate())
                        .thenComparing(c -> c.invoice().invoiceNumber()))
                .toList();
        if (open.isEmpty()) {
            return Optional.empty();
        }
        Money total = open.stream().map(DunningCase::openAmount).reduce(Money::plus).orElseThrow();
        return Optional.of(new WorkItem(itemId, kind, customerId, assignee,
                open.stream().map(DunningCase::invoiceId).toList(),
                open.stream().map(c -> c.invoice().invoiceNumber()).toList(), since,
                open.get(0).invoice().dueDate(), total));
    }
}
