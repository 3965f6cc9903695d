package io.relance.invoice.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountStatementTest {

    private static final LocalDate AS_OF = LocalDate.parse("2026-06-30");

    @Test
    void openItemsFallIntoTheirAgingBucketByDaysPastTheDueDate() {
        List<Invoice> invoices = List.of(
                invoice("A", AS_OF, "100"),                 // due today: not due
                invoice("B", AS_OF.minusDays(1), "200"),    // 1 day late
                invoice("C", AS_OF.minusDays(30), "300"),   // 30 days: still 1-30
                invoice("D", AS_OF.minusDays(31), "400"),
                invoice("E", AS_OF.minusDays(90), "500"),
                invoice("F", AS_OF.minusDays(91), "600"));

        AccountStatement.Totals eur = AccountStatement.of("C-1", invoices, AS_OF).totals().get(0);

        assertThat(eur.notDue().amount()).isEqualByComparingTo("100");
        assertThat(eur.days1To30().amount()).isEqualByComparingTo("500");
        assertThat(eur.days31To60().amount()).isEqualByComparingTo("400");
        assertThat(eur.days61To90().amount()).isEqualByComparingTo("500");
        assertThat(eur.over90Days().amount()).isEqualByComparingTo("600");
        assertThat(eur.overdue().amount()).isEqualByComparingTo("2000");
        assertThat(eur.balance().amount()).isEqualByComparingTo("2100");
    }

    @Test
    void settledInvoicesAreNotOpenItemsAndPartialPaymentsCountWhatIsLeft() {
        List<Invoice> invoices = List.of(
                invoice("A", AS_OF.minusDays(10), "100").registerPayment(eur("100")),
                invoice("B", AS_OF.minusDays(10), "100").registerPayment(eur("40")),
                invoice("C", AS_OF.minusDays(10), "100").cancel());

        AccountStatement statement = AccountStatement.of("C-1", invoices, AS_OF);

        assertThat(statement.openItems()).extracting(Invoice::number).containsExactly("B");
        assertThat(statement.totals().get(0).days1To30().amount()).isEqualByComparingTo("60");
    }

    @Test
    void invoicesIssuedAfterTheStatementDateAreLeftOut() {
        Invoice future = Invoice.issue(new Invoice.Submission("C-1", "sap-fr", "Z", "sap-fr", "Z",
                AS_OF.plusDays(1), AS_OF.plusDays(31), eur("10")), Instant.EPOCH);

        assertThat(AccountStatement.of("C-1", List.of(future), AS_OF).openItems()).isEmpty();
    }

    private static Invoice invoice(String number, LocalDate due, String amount) {
        return Invoice.issue(new Invoice.Submission("C-1", "sap-fr", number, "sap-fr", number, due.minusDays(30), due,
                eur(amount)), Instant.EPOCH);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), Money.currency("EUR"));
    }
}
