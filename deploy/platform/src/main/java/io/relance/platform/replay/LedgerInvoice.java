package io.relance.platform.replay;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One invoice of a replayed ledger, with what happened to it: settled in full on {@code settledOn} (null: still
 * unpaid at the end of the ledger), and disputed or not.
 *
 * <p>The dispute rule of a replay: a disputed invoice's dispute is opened on its due date, or on its issue date when
 * it was settled by its due date; it is resolved REJECTED on the settlement date, before the payment is recorded.
 */
public record LedgerInvoice(
        LedgerCustomer customer,
        String invoiceNumber,
        LocalDate issueDate,
        LocalDate dueDate,
        BigDecimal amount,
        String currency,
        LocalDate settledOn,
        boolean disputed) {

    public LedgerInvoice {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(invoiceNumber, "invoiceNumber");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (settledOn != null && settledOn.isBefore(issueDate)) {
            throw new IllegalArgumentException("invoice " + invoiceNumber + " is settled (" + settledOn
                    + ") before it is issued (" + issueDate + ")");
        }
    }

    public Optional<LocalDate> settlement() {
        return Optional.ofNullable(settledOn);
    }

    /** The day its dispute is opened, for a disputed invoice. */
    public Optional<LocalDate> disputeOpenedOn() {
        if (!disputed) {
            return Optional.empty();
        }
        boolean settledByDueDate = settledOn != null && !settledOn.isAfter(dueDate);
        return Optional.of(settledByDueDate ? issueDate : dueDate);
    }

    /** The day its dispute is resolved (rejected): the settlement date; empty while unpaid. */
    public Optional<LocalDate> disputeResolvedOn() {
        return disputed ? settlement() : Optional.empty();
    }
}
