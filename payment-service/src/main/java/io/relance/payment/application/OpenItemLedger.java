package io.relance.payment.application;

import io.relance.payment.persistence.CustomerRepository;
import io.relance.payment.persistence.OpenItemEntity;
import io.relance.payment.persistence.OpenItemRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Keeps the read model of open items and customer names from invoice-service's events. Runs inside the
 * consumer's transaction; events about one invoice may come in any order, so each one creates the row it needs
 * (also within one batch).
 */
@ApplicationScoped
public class OpenItemLedger {

    public static final String CANCELLED = "CANCELLED";
    public static final String WRITTEN_OFF = "WRITTEN_OFF";

    private final OpenItemRepository items;
    private final CustomerRepository customers;
    private final Clock clock;

    OpenItemLedger(OpenItemRepository items, CustomerRepository customers, Clock clock) {
        this.items = items;
        this.customers = customers;
        this.clock = clock;
    }

    /** What one invoice event does to its open item. */
    public record Change(String customerId, UUID invoiceId, BiConsumer<OpenItemEntity, Instant> apply) {

        public static Change issued(String customerId, UUID invoiceId, String number, LocalDate dueDate,
                                    BigDecimal amount, String currency) {
            return new Change(customerId, invoiceId, (item, now) -> item.issue(number, dueDate, amount, currency, now));
        }

        public static Change credited(String customerId, UUID invoiceId, BigDecimal amount, String currency) {
            return new Change(customerId, invoiceId, (item, now) -> {
                if (item.isIssued() && !item.currency.equals(currency)) {
                    throw new LedgerConflictException("credit note in " + currency + " on invoice " + invoiceId
                            + " in " + item.currency);
                }
                item.credit(amount, now);
            });
        }

        public static Change closed(String customerId, UUID invoiceId, String reason) {
            return new Change(customerId, invoiceId, (item, now) -> item.close(reason, now));
        }
    }

    /**
     * Applies the changes in order with two statements, whatever their number: the rows that exist read and locked
     * in invoice order, the changed rows written back with one upsert. Changes naming several invoices do not wait
     * for a row a payment holds: the statement fails, and the caller (the inbox) applies them one at a time, each
     * waiting for its one row, which can close no cycle.
     */
    public Uni<Void> applyAll(List<Change> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = clock.instant();
        Set<UUID> invoiceIds = new LinkedHashSet<>();
        changes.forEach(change -> invoiceIds.add(change.invoiceId()));
        return items.lockAll(invoiceIds, invoiceIds.size() == 1).chain(found -> {
            Map<UUID, OpenItemEntity> byId = new LinkedHashMap<>();
            found.forEach(item -> byId.put(item.invoiceId, item));
            Map<UUID, OpenItemEntity> changed = new LinkedHashMap<>();
            for (Change change : changes) {
                OpenItemEntity item = byId.computeIfAbsent(change.invoiceId(),
                        id -> OpenItemEntity.placeholder(id, change.customerId(), now));
                requireCustomer(item.customerId, change.customerId(), change.invoiceId());
                change.apply().accept(item, now);
                changed.put(item.invoiceId, item);
            }
            return items.upsertAll(changed.values());
        });
    }

    public Uni<Void> customerProfile(String customerId, String legalName) {
        return customers.save(customerId, legalName);
    }

    public Uni<Void> customerErased(String customerId) {
        return customers.erase(customerId);
    }

    private static void requireCustomer(String known, String stated, UUID invoiceId) {
        if (!known.equals(stated)) {
            throw new LedgerConflictException("invoice " + invoiceId + " belongs to " + known + ", the event says " + stated);
        }
    }
}
