package io.relance.invoice.api;

import io.relance.invoice.domain.AccountStatement;

import java.time.LocalDate;
import java.util.List;

/** A customer's account statement: open items, and per currency the balance, overdue amount and aging buckets. */
public record StatementResponse(String customerId, LocalDate asOf, List<Totals> totals, List<InvoiceResponse> openItems) {

    public record Totals(String currency, String balance, String overdue, Aging aging) {
    }

    public record Aging(String notDue, String days1To30, String days31To60, String days61To90, String over90Days) {
    }

    static StatementResponse of(AccountStatement statement) {
        return new StatementResponse(statement.customerId(), statement.asOf(), statement.totals().stream()
                .map(t -> new Totals(t.currency().getCurrencyCode(), t.balance().amount().toPlainString(),
                        t.overdue().amount().toPlainString(), new Aging(t.notDue().amount().toPlainString(),
                        t.days1To30().amount().toPlainString(), t.days31To60().amount().toPlainString(),
                        t.days61To90().amount().toPlainString(), t.over90Days().amount().toPlainString())))
                .toList(), statement.openItems().stream().map(InvoiceResponse::of).toList());
    }
}
