package io.relance.payment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpenItemRepository implements PanacheRepositoryBase<OpenItemEntity, UUID> {

    private static final String LOCK_ALL = """
            SELECT * FROM open_item WHERE invoice_id = ANY(CAST(?1 AS uuid[])) ORDER BY invoice_id FOR UPDATE""";
    private static final String LOCK_ALL_NOWAIT = LOCK_ALL + " NOWAIT";
    private static final String UPSERT_ALL = """
            INSERT INTO open_item (invoice_id, customer_id, invoice_number, full_key, digit_key, due_date, currency,
                                   amount, credited, allocated, open_amount, closed_reason, updated_at)
            SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                 CAST(?5 AS text[]), CAST(CAST(?6 AS text[]) AS date[]), CAST(?7 AS text[]),
                                 CAST(CAST(?8 AS text[]) AS numeric[]), CAST(CAST(?9 AS text[]) AS numeric[]),
                                 CAST(CAST(?10 AS text[]) AS numeric[]), CAST(CAST(?11 AS text[]) AS numeric[]),
                                 CAST(?12 AS text[]), CAST(CAST(?13 AS text[]) AS timestamptz[]))
            ON CONFLICT (invoice_id) DO UPDATE SET
                customer_id = excluded.customer_id, invoice_number = excluded.invoice_number,
                full_key = excluded.full_key, digit_key = excluded.digit_key, due_date = excluded.due_date,
                currency = excluded.currency, amount = excluded.amount, credited = excluded.credited,
                allocated = excluded.allocated, open_amount = excluded.open_amount,
                closed_reason = excluded.closed_reason, updated_at = excluded.updated_at""";

    /**
     * The rows of these invoices that exist, locked in invoice order until the transaction ends and read-only (a
     * batch changes them in memory and writes them back with {@link #upsertAll}). With {@code wait} false, a row
     * another transaction holds (a payment being matched) fails the statement at once (SQLSTATE 55P03) instead of
     * waiting: matching locks several rows in its own order, and a batch waiting on it could close a cycle.
     */
    public Uni<List<OpenItemEntity>> lockAll(Collection<UUID> invoiceIds, boolean wait) {
        return getSession().chain(session -> session.createNativeQuery(wait ? LOCK_ALL : LOCK_ALL_NOWAIT,
                        OpenItemEntity.class)
                .setParameter(1, invoiceIds.toArray(UUID[]::new))
                .setReadOnly(true)
                .getResultList());
    }

    /** Inserts or updates the rows with one statement, bypassing the session. */
    public Uni<Void> upsertAll(Collection<OpenItemEntity> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[12][n];
        int i = 0;
        for (OpenItemEntity row : rows) {
            ids[i] = row.invoiceId;
            String[] values = {row.customerId, row.invoiceNumber, row.fullKey, row.digitKey, text(row.dueDate),
                    row.currency, text(row.amount), text(row.credited), text(row.allocated), text(row.openAmount),
                    row.closedReason, text(row.updatedAt)};
            for (int column = 0; column < values.length; column++) {
                text[column][i] = values[column];
            }
            i++;
        }
        return getSession().chain(session -> {
            var upsert = session.createNativeQuery(UPSERT_ALL).setParameter(1, ids);
            for (int column = 0; column < text.length; column++) {
                upsert.setParameter(column + 2, text[column]);
            }
            return upsert.executeUpdate();
        }).replaceWithVoid();
    }

    // Dates, amounts and instants travel as ISO text cast in SQL: arrays with null elements bind reliably that way.
    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal amount ? amount.toPlainString() : value.toString();
    }

    /** Issued invoices, locked until the transaction ends so two payments cannot both settle one balance. */
    public Uni<List<OpenItemEntity>> byKeys(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("amount is not null and (fullKey in ?1 or digitKey in ?1)", keys)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public Uni<List<OpenItemEntity>> ofCustomers(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("amount is not null and customerId in ?1", customerIds)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** Read only: the customer's issued invoices with a balance, oldest due first. */
    public Uni<List<OpenItemEntity>> openOf(String customerId) {
        return find("customerId = ?1 and openAmount > 0 order by dueDate, invoiceNumber", customerId).list();
    }

    public Uni<List<OpenItemEntity>> withOpenAmount(String currency, BigDecimal openAmount, int limit) {
        return find("currency = ?1 and openAmount = ?2 and openAmount > 0 order by dueDate", currency, openAmount)
                .page(0, limit).list();
    }

    public Uni<List<OpenItemEntity>> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return find("invoiceId in ?1", ids).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }
}
