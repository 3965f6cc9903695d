package io.relance.payment.application;

import io.relance.payment.persistence.CustomerRepository;
import io.relance.payment.persistence.OpenItemRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps the read model of open items and customer names from invoice-service's events. Runs inside the
 * consumer's transaction; events about one invoice may come in any order, so each one creates the row it needs.
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

    public Uni<Void> invoiceIssued(String customerId, UUID invoiceId, String number, LocalDate dueDate,
                                   BigDecimal amount, String currency) {
        return items.getOrCreate(invoiceId, customerId, clock.instant()).invoke(item -> {
            requireCustomer(item.customerId, customerId, invoiceId);
            item.issue(number, dueDate, amount, currency, clock.instant());
        }).replaceWithVoid();
    }

    public Uni<Void> creditNoteIssued(String customerId, UUID invoiceId, BigDecimal amount, String currency) {
        return items.getOrCreate(invoiceId, customerId, clock.instant()).invoke(item -> {
            requireCustomer(item.customerId, customerId, invoiceId);
            if (item.isIssued() && !item.currency.equals(currency)) {
                throw new LedgerConflictException("credit note in " + currency + " on invoice " + invoiceId
                        + " in " + item.currency);
            }
            item.credit(amount, clock.instant());
        }).replaceWithVoid();
    }

    public Uni<Void> invoiceClosed(String customerId, UUID invoiceId, String reason) {
        return items.getOrCreate(invoiceId, customerId, clock.instant()).invoke(item -> {
            requireCustomer(item.customerId, customerId, invoiceId);
            item.close(reason, clock.instant());
        }).replaceWithVoid();
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
