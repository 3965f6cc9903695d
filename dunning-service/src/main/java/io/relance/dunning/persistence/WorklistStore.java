package io.relance.dunning.persistence;

import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.WorkItemKind;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Worklist items, the cases and reminders they concern, collectors' assignments and the case history. */
@ApplicationScoped
public class WorklistStore {

    private static final String OPEN_ITEM = """
            INSERT INTO work_item (item_id, kind, customer_id, case_id, reminder_id, opened_on)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (item_id) DO NOTHING""";

    /** Opens an item once: the same decision replayed names the same item. */
    public Uni<Void> open(Mutiny.Session session, UUID itemId, WorkItemKind kind, String customerId, UUID caseId,
                          UUID reminderId, LocalDate openedOn) {
        return session.createNativeQuery(OPEN_ITEM).setParameter(1, itemId).setParameter(2, kind.name())
                .setParameter(3, customerId).setParameter(4, caseId).setParameter(5, reminderId)
                .setParameter(6, openedOn).executeUpdate().replaceWithVoid();
    }

    /** Items no call has completed yet, at most {@code limit}, oldest first. */
    public Uni<List<WorkItemEntity>> openItems(Mutiny.Session session, int limit) {
        return session.createSelectionQuery("from WorkItemEntity where doneAt is null order by openedOn, itemId",
                        WorkItemEntity.class)
                .setMaxResults(limit).getResultList();
    }

    public Uni<Optional<WorkItemEntity>> openItem(Mutiny.Session session, UUID itemId) {
        return session.find(WorkItemEntity.class, itemId)
                .map(e -> Optional.ofNullable(e).filter(found -> found.doneAt == null));
    }

    public Uni<Void> complete(Mutiny.Session session, UUID itemId, String outcome, Instant at) {
        return session.find(WorkItemEntity.class, itemId).invoke(e -> {
            e.doneAt = at;
            e.outcome = outcome;
        }).replaceWithVoid();
    }

    /** Open cases whose oldest open dispute was opened before {@code day}, at most {@code limit}. */
    public Uni<List<DunningCase>> disputedBefore(Mutiny.Session session, LocalDate day, int limit) {
        return session.createSelectionQuery("""
                        from DunningCaseEntity where closure is null and disputedSince < ?1
                        order by disputedSince, caseId""", DunningCaseEntity.class)
                .setParameter(1, day).setMaxResults(limit).getResultList()
                .map(list -> list.stream().map(DunningCaseEntity::toDomain).toList());
    }

    public Uni<List<DunningCase>> casesById(Mutiny.Session session, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from DunningCaseEntity where caseId in (:ids)", DunningCaseEntity.class)
                .setParameter("ids", caseIds).getResultList()
                .map(list -> list.stream().map(DunningCaseEntity::toDomain).toList());
    }

    public Uni<List<DunningCase>> casesOfInvoices(Mutiny.Session session, Collection<UUID> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from DunningCaseEntity where invoiceId in (:ids)",
                        DunningCaseEntity.class)
                .setParameter("ids", invoiceIds).getResultList()
                .map(list -> list.stream().map(DunningCaseEntity::toDomain).toList());
    }

    public Uni<List<StoredReminder>> reminders(Mutiny.Session session, Collection<UUID> reminderIds) {
        if (reminderIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return session.createSelectionQuery("from ReminderEntity where reminderId in (:ids)", ReminderEntity.class)
                .setParameter("ids", reminderIds).getResultList()
                .map(list -> list.stream().map(ReminderEntity::toStored).toList());
    }

    /**
     * The collector of each customer that has one. A projection, not entities: a debtor already in the session
     * would later be locked by a query Hibernate Reactive writes with the attribute's name instead of the column's.
     */
    public Uni<Map<String, String>> assignees(Mutiny.Session session, Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createSelectionQuery("""
                        select d.customerId, d.assignee from DebtorEntity d
                        where d.customerId in (:ids) and d.assignee is not null""", Object[].class)
                .setParameter("ids", customerIds).getResultList()
                .map(list -> list.stream().collect(Collectors.toMap(row -> (String) row[0], row -> (String) row[1])));
    }

    public Uni<Void> record(Mutiny.Session session, HistoryEntry entry) {
        return session.persist(entity(entry));
    }

    /** Records entries in one call: a long chain of persists completing synchronously hung the sweep's batch. */
    public Uni<Void> recordAll(Mutiny.Session session, List<HistoryEntry> entries) {
        return session.persistAll(entries.stream().map(WorklistStore::entity).toArray());
    }

    private static HistoryEntryEntity entity(HistoryEntry entry) {
        HistoryEntryEntity entity = new HistoryEntryEntity();
        entity.entryId = entry.entryId();
        entity.customerId = entry.customerId();
        entity.invoiceIds = entry.invoiceIds().stream().map(UUID::toString).collect(Collectors.joining(","));
        entity.recordedAt = entry.recordedAt();
        entity.businessDate = entry.businessDate();
        entity.kind = entry.kind().name();
        entity.channel = entry.channel();
        entity.reminderId = entry.reminderId();
        entity.detail = entry.detail();
        return entity;
    }

    /** The customer's history, oldest first. */
    public Uni<List<HistoryEntry>> history(Mutiny.Session session, String customerId) {
        return session.createSelectionQuery("from HistoryEntryEntity where customerId = ?1 order by seq",
                        HistoryEntryEntity.class)
                .setParameter(1, customerId).getResultList()
                .map(list -> list.stream().map(WorklistStore::entry).toList());
    }

    private static HistoryEntry entry(HistoryEntryEntity e) {
        List<UUID> invoices = e.invoiceIds.isEmpty() ? List.of()
                : Arrays.stream(e.invoiceIds.split(",")).map(UUID::fromString).toList();
        return new HistoryEntry(e.entryId, e.customerId, invoices, e.recordedAt, e.businessDate,
                HistoryEntry.Kind.valueOf(e.kind), e.channel, e.reminderId, e.detail);
    }
}
