package io.relance.dunning.persistence;

import io.relance.dunning.domain.Debtor;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.Reminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Debtors, their cases, their next action day and their reminders. Every method runs in the caller's transaction
 * on {@code session}; {@link #lockDebtor} is the lock that serialises all changes to one customer's cases.
 */
@ApplicationScoped
public class DunningStore {

    private static final String CREATE_DEBTOR = """
            INSERT INTO debtor (customer_id, segment) VALUES (?1, 'NEW') ON CONFLICT (customer_id) DO NOTHING""";
    private static final String SCHEDULE = """
            INSERT INTO scheduled_action (customer_id, due_on) VALUES (?1, ?2)
            ON CONFLICT (customer_id) DO UPDATE SET due_on = excluded.due_on""";
    private static final String UNSCHEDULE = "DELETE FROM scheduled_action WHERE customer_id = ?1";
    private static final String UNSCHEDULE_ALL = "DELETE FROM scheduled_action WHERE customer_id IN (:ids)";
    private static final String CREATE_DEBTORS = """
            INSERT INTO debtor (customer_id, segment) SELECT customer_id, 'NEW' FROM scheduled_action
            WHERE customer_id IN (:ids) ON CONFLICT (customer_id) DO NOTHING""";
    private static final String CLAIM_DUE = """
            SELECT customer_id FROM scheduled_action WHERE due_on <= ?1
            ORDER BY due_on, customer_id LIMIT ?2 FOR UPDATE SKIP LOCKED""";
    private static final String DUE_BY = """
            SELECT customer_id FROM scheduled_action WHERE due_on <= ?1 ORDER BY customer_id LIMIT ?2""";
    // Facts: every customer of a batch gets its debtor row, created and then locked in customer order.
    private static final String CREATE_DEBTORS_OF = """
            INSERT INTO debtor (customer_id, segment)
            SELECT c, 'NEW' FROM unnest(CAST(?1 AS text[])) AS c ORDER BY c ON CONFLICT (customer_id) DO NOTHING""";
    private static final String LOCK_DEBTORS = """
            SELECT * FROM debtor WHERE customer_id = ANY(CAST(?1 AS text[])) ORDER BY customer_id FOR UPDATE""";
    // The sweep never waits for a debtor: one locked by a fact is left for the next batch (see README, Scheduling).
    private static final String LOCK_FREE_DEBTORS = """
            SELECT * FROM debtor WHERE customer_id = ANY(CAST(?1 AS text[])) ORDER BY customer_id FOR UPDATE SKIP LOCKED""";
    private static final String UPSERT_CASES = """
            INSERT INTO dunning_case (case_id, invoice_id, customer_id, currency, invoice_number, issue_date, due_date,
                                      amount, paid, credited, last_step_index, last_step_on, open_disputes,
                                      disputed_since, awaiting_credit, promise, plan, exclusion, closure, closed_on,
                                      claim_deadline)
            SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS uuid[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                 CAST(?5 AS text[]), CAST(CAST(?6 AS text[]) AS date[]), CAST(CAST(?7 AS text[]) AS date[]),
                                 CAST(CAST(?8 AS text[]) AS numeric[]), CAST(CAST(?9 AS text[]) AS numeric[]),
                                 CAST(CAST(?10 AS text[]) AS numeric[]), CAST(CAST(?11 AS text[]) AS int[]),
                                 CAST(CAST(?12 AS text[]) AS date[]), CAST(?13 AS text[]), CAST(CAST(?14 AS text[]) AS date[]),
                                 CAST(CAST(?15 AS text[]) AS boolean[]), CAST(?16 AS text[]), CAST(?17 AS text[]),
                                 CAST(?18 AS text[]), CAST(?19 AS text[]), CAST(CAST(?20 AS text[]) AS date[]),
                                 CAST(CAST(?21 AS text[]) AS date[]))
            ON CONFLICT (case_id) DO UPDATE SET
                invoice_number = excluded.invoice_number, issue_date = excluded.issue_date, due_date = excluded.due_date,
                amount = excluded.amount, paid = excluded.paid, credited = excluded.credited,
                last_step_index = excluded.last_step_index, last_step_on = excluded.last_step_on,
                open_disputes = excluded.open_disputes, disputed_since = excluded.disputed_since,
                awaiting_credit = excluded.awaiting_credit, promise = excluded.promise, plan = excluded.plan,
                exclusion = excluded.exclusion, closure = excluded.closure, closed_on = excluded.closed_on,
                claim_deadline = excluded.claim_deadline""";

    /** The customer's debtor, created as a new customer on its first fact, locked until the transaction ends. */
    public Uni<Debtor> lockDebtor(Mutiny.Session session, String customerId) {
        return session.createNativeQuery(CREATE_DEBTOR).setParameter(1, customerId).executeUpdate()
                .chain(() -> session.find(DebtorEntity.class, customerId, LockModeType.PESSIMISTIC_WRITE))
                .map(DebtorEntity::toDomain);
    }

    /**
     * The debtors of claimed customers that no one else holds, locked in customer order until the transaction ends,
     * in two statements whatever their number (the lock {@link #lockDebtor} takes one at a time). A debtor locked
     * by a fact being applied is left out rather than waited for: the fact's transaction may be waiting for this
     * one's claim on the customer's {@code scheduled_action} row, and each would wait for the other (40P01).
     */
    public Uni<List<Debtor>> lockFreeDebtors(Mutiny.Session session, List<String> customerIds) {
        return session.createNativeQuery(CREATE_DEBTORS).setParameter("ids", customerIds).executeUpdate()
                .chain(() -> session.createNativeQuery(LOCK_FREE_DEBTORS, DebtorEntity.class)
                        .setParameter(1, customerIds.toArray(String[]::new)).getResultList())
                .map(list -> list.stream().map(DebtorEntity::toDomain).toList());
    }

    /**
     * The debtors of the customers of a batch of facts, created as new customers where missing and locked until the
     * transaction ends, in customer order (so that two batches sharing customers wait rather than deadlock), in
     * two statements whatever their number.
     */
    public Uni<Map<String, Debtor>> lockDebtors(Mutiny.Session session, Collection<String> customerIds) {
        String[] sorted = customerIds.stream().sorted().distinct().toArray(String[]::new);
        return session.createNativeQuery(CREATE_DEBTORS_OF).setParameter(1, sorted).executeUpdate()
                .chain(() -> session.createNativeQuery(LOCK_DEBTORS, DebtorEntity.class).setParameter(1, sorted)
                        .getResultList())
                .map(list -> list.stream().map(DebtorEntity::toDomain)
                        .collect(Collectors.toMap(Debtor::customerId, d -> d)));
    }

    /**
     * In one query, the open cases of {@code customerIds} and the cases (open or closed) of {@code invoiceIds}:
     * what a batch of facts changes and what its customers' next action days depend on. Read-only: the batch
     * writes them back with {@link #upsertAll}.
     */
    public Uni<List<DunningCase>> casesForFacts(Mutiny.Session session, Collection<String> customerIds,
                                                Collection<UUID> invoiceIds) {
        return session.createSelectionQuery("""
                        from DunningCaseEntity where (customerId in (:customers) and closure is null)
                        or invoiceId in (:invoices)""", DunningCaseEntity.class)
                .setParameter("customers", customerIds).setParameter("invoices", invoiceIds)
                .setReadOnly(true).getResultList()
                .map(list -> list.stream().map(DunningCaseEntity::toDomain).toList());
    }

    /** Inserts or updates cases with one statement, bypassing the session (see {@link #casesForFacts}). */
    public Uni<Void> upsertAll(Mutiny.Session session, List<DunningCase> cases) {
        if (cases.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = cases.size();
        UUID[] caseIds = new UUID[n];
        UUID[] invoiceIds = new UUID[n];
        String[][] text = new String[19][n];
        for (int i = 0; i < n; i++) {
            DunningCaseEntity row = new DunningCaseEntity();
            row.update(cases.get(i));
            caseIds[i] = row.caseId;
            invoiceIds[i] = row.invoiceId;
            String[] values = {row.customerId, row.currency, row.invoiceNumber, text(row.issueDate),
                    text(row.dueDate), text(row.amount), text(row.paid), text(row.credited),
                    Integer.toString(row.lastStepIndex), text(row.lastStepOn), row.openDisputes,
                    text(row.disputedSince), Boolean.toString(row.awaitingCredit), row.promise, row.plan,
                    row.exclusion, row.closure, text(row.closedOn), text(row.claimDeadline)};
            for (int column = 0; column < values.length; column++) {
                text[column][i] = values[column];
            }
        }
        var upsert = session.createNativeQuery(UPSERT_CASES).setParameter(1, caseIds).setParameter(2, invoiceIds);
        for (int column = 0; column < text.length; column++) {
            upsert.setParameter(column + 3, text[column]);
        }
        return upsert.executeUpdate().replaceWithVoid();
    }

    // Dates and amounts travel as text and are cast in SQL: arrays with null elements bind reliably that way.
    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
    }

    public Uni<Optional<Debtor>> debtor(Mutiny.Session session, String customerId) {
        return session.find(DebtorEntity.class, customerId).map(e -> Optional.ofNullable(e).map(DebtorEntity::toDomain));
    }

    public Uni<Void> save(Mutiny.Session session, Debtor debtor) {
        return session.find(DebtorEntity.class, debtor.customerId()).invoke(entity -> entity.update(debtor))
                .replaceWithVoid();
    }

    public Uni<List<DunningCase>> openCases(Mutiny.Session session, String customerId) {
        return session.createSelectionQuery("from DunningCaseEntity where customerId = ?1 and closure is null",
                        DunningCaseEntity.class)
                .setParameter(1, customerId).getResultList()
                .map(list -> list.stream().map(DunningCaseEntity::toDomain).toList());
    }

    /** The open cases of several customers in one query, by customer; a customer without any is left out. */
    public Uni<Map<String, List<DunningCase>>> openCasesOf(Mutiny.Session session, List<String> customerIds) {
        return session.createSelectionQuery("from DunningCaseEntity where customerId in (:ids) and closure is null",
                        DunningCaseEntity.class)
                .setParameter("ids", customerIds).getResultList()
                .map(list -> list.stream().map(DunningCaseEntity::toDomain)
                        .collect(Collectors.groupingBy(DunningCase::customerId)));
    }

    public Uni<Optional<DunningCase>> caseOf(Mutiny.Session session, UUID invoiceId) {
        return session.createSelectionQuery("from DunningCaseEntity where invoiceId = ?1", DunningCaseEntity.class)
                .setParameter(1, invoiceId).getSingleResultOrNull()
                .map(e -> Optional.ofNullable(e).map(DunningCaseEntity::toDomain));
    }

    /** The customer an invoice's case belongs to, read without loading the case (lock the debtor first). */
    public Uni<Optional<String>> customerOf(Mutiny.Session session, UUID invoiceId) {
        return session.createNativeQuery("SELECT customer_id FROM dunning_case WHERE invoice_id = ?1", String.class)
                .setParameter(1, invoiceId).getResultList()
                .map(list -> list.stream().findFirst());
    }

    public Uni<Void> save(Mutiny.Session session, DunningCase dunningCase) {
        return session.find(DunningCaseEntity.class, dunningCase.caseId()).chain(found -> {
            DunningCaseEntity entity = found == null ? new DunningCaseEntity() : found;
            entity.update(dunningCase);
            return found == null ? session.persist(entity) : Uni.createFrom().voidItem();
        });
    }

    public Uni<Void> saveAll(Mutiny.Session session, List<DunningCase> cases) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (DunningCase dunningCase : cases) {
            chain = chain.chain(() -> save(session, dunningCase));
        }
        return chain;
    }

    /**
     * Writes cases loaded in this session in one call: a chain of one find per case, each completing synchronously,
     * hung the sweep of a 200-customer batch (most likely the event loop's stack; not traced further).
     */
    public Uni<Void> saveLoaded(Mutiny.Session session, List<DunningCase> cases) {
        if (cases.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, DunningCase> byId = cases.stream().collect(Collectors.toMap(DunningCase::caseId, c -> c, (a, b) -> a));
        return session.find(DunningCaseEntity.class, byId.keySet().toArray())
                .map(entities -> entities.stream().filter(Objects::nonNull).toList())
                .invoke(entities -> entities.forEach(entity -> entity.update(byId.get(entity.caseId))))
                .chain(entities -> entities.size() == byId.size() ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(new IllegalStateException("a swept case is missing")));
    }

    /** Records reminders in one call (see {@link #saveLoaded}). */
    public Uni<Void> recordAll(Mutiny.Session session, List<Reminder> reminders, Instant requestedAt) {
        return session.persistAll(reminders.stream().map(r -> ReminderEntity.of(r, requestedAt)).toArray());
    }

    /** Sets the customer's next action day; none removes it from the sweep. */
    public Uni<Void> schedule(Mutiny.Session session, String customerId, Optional<LocalDate> dueOn) {
        return (dueOn.isPresent()
                ? session.createNativeQuery(SCHEDULE).setParameter(1, customerId).setParameter(2, dueOn.get())
                : session.createNativeQuery(UNSCHEDULE).setParameter(1, customerId))
                .executeUpdate().replaceWithVoid();
    }

    /**
     * Sets the next action day of several customers in at most two statements (one multi-row upsert, one delete);
     * none removes a customer from the sweep.
     */
    public Uni<Void> scheduleAll(Mutiny.Session session, Map<String, Optional<LocalDate>> dueOn) {
        List<String> unscheduled = dueOn.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();
        List<Map.Entry<String, LocalDate>> scheduled = dueOn.entrySet().stream().filter(e -> e.getValue().isPresent())
                .map(e -> Map.entry(e.getKey(), e.getValue().get())).toList();
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (!scheduled.isEmpty()) {
            StringBuilder sql = new StringBuilder("INSERT INTO scheduled_action (customer_id, due_on) VALUES ");
            for (int i = 0; i < scheduled.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?").append(2 * i + 1).append(", ?").append(2 * i + 2).append(')');
            }
            sql.append(" ON CONFLICT (customer_id) DO UPDATE SET due_on = excluded.due_on");
            var upsert = session.createNativeQuery(sql.toString());
            for (int i = 0; i < scheduled.size(); i++) {
                upsert.setParameter(2 * i + 1, scheduled.get(i).getKey()).setParameter(2 * i + 2, scheduled.get(i).getValue());
            }
            chain = chain.chain(() -> upsert.executeUpdate().replaceWithVoid());
        }
        if (!unscheduled.isEmpty()) {
            chain = chain.chain(() -> session.createNativeQuery(UNSCHEDULE_ALL).setParameter("ids", unscheduled)
                    .executeUpdate().replaceWithVoid());
        }
        return chain;
    }

    /** Claims up to {@code limit} customers due by {@code today}; others sweeping skip them until this commits. */
    public Uni<List<String>> claimDue(Mutiny.Session session, LocalDate today, int limit) {
        return session.createNativeQuery(CLAIM_DUE, String.class).setParameter(1, today).setParameter(2, limit)
                .getResultList();
    }

    /** The customers due by {@code day}, without claiming them. */
    public Uni<List<String>> dueBy(Mutiny.Session session, LocalDate day, int limit) {
        return session.createNativeQuery(DUE_BY, String.class).setParameter(1, day).setParameter(2, limit)
                .getResultList();
    }

    public Uni<Void> record(Mutiny.Session session, Reminder reminder, Instant requestedAt) {
        return session.persist(ReminderEntity.of(reminder, requestedAt));
    }

    public Uni<Optional<StoredReminder>> reminder(Mutiny.Session session, UUID reminderId) {
        return session.find(ReminderEntity.class, reminderId)
                .map(e -> Optional.ofNullable(e).map(ReminderEntity::toStored));
    }

    /** Records what notification-service reported; an unknown reminder is left alone. */
    public Uni<Boolean> recordOutcome(Mutiny.Session session, UUID reminderId, StoredReminder.Outcome outcome,
                                      String channel, String detail, Instant at) {
        return session.find(ReminderEntity.class, reminderId).map(entity -> {
            if (entity == null) {
                return false;
            }
            entity.outcome = outcome.name();
            entity.outcomeChannel = channel;
            entity.outcomeDetail = detail;
            entity.outcomeAt = at;
            return true;
        });
    }

    /** Phone calls requested and not yet reported, oldest first. */
    public Uni<List<StoredReminder>> openPhoneTasks(Mutiny.Session session, int limit) {
        return session.createSelectionQuery("""
                        from ReminderEntity where channels like '%PHONE_TASK%' and outcome = 'REQUESTED'
                        order by businessDate, reminderId""", ReminderEntity.class)
                .setMaxResults(limit).getResultList()
                .map(list -> list.stream().map(ReminderEntity::toStored).toList());
    }

    /** Cases closed for insolvency whose claim declaration deadline is {@code today} or later, soonest first. */
    public Uni<List<DunningCase>> claimsToDeclare(Mutiny.Session session, LocalDate today, int limit) {
        return session.createSelectionQuery("""
                        from DunningCaseEntity where closure = 'INSOLVENCY' and claimDeadline >= ?1
                        order by claimDeadline, customerId, invoiceNumber""", DunningCaseEntity.class)
                .setParameter(1, today).setMaxResults(limit).getResultList()
                .map(list -> list.stream().map(DunningCaseEntity::toDomain).toList());
    }

    public Uni<List<StoredReminder>> remindersOf(Mutiny.Session session, String customerId) {
        return session.createSelectionQuery("from ReminderEntity where customerId = ?1 order by businessDate, stepIndex",
                        ReminderEntity.class)
                .setParameter(1, customerId).getResultList()
                .map(list -> list.stream().map(ReminderEntity::toStored).toList());
    }
}
