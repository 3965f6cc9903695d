package io.relance.kpi.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The worked examples of DESIGN.md's KPI table, from the formula and from ledgers of dated facts. */
class KpiWorkedExamplesTest {

    private static final LocalDate MARCH_31 = LocalDate.parse("2026-03-31");

    @Test
    void dsoOf30000ReceivablesOn400000InvoicedOver40DaysIs3Days() {
        assertThat(Kpis.dso(new BigDecimal("30000"), new BigDecimal("400000"), 40)).isEqualByComparingTo("3");

        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", new Issue(LocalDate.parse("2026-03-01"), MARCH_31, new BigDecimal("400000.00"), "EUR"));
        ledger.moved("I-1", "P-1", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-20"), new BigDecimal("370000.00")));

        Kpis kpis = kpis(ledger, 40);
        assertThat(kpis.receivables()).isEqualByComparingTo("30000");
        assertThat(kpis.revenue()).isEqualByComparingTo("400000");
        assertThat(kpis.dsoAccounting()).isEqualByComparingTo("3.00");
    }

    @Test
    void recoveringTheMost8000OfThe10000OverdueIsARecoveryRateOf80Percent() {
        assertThat(Kpis.percent(new BigDecimal("8000"), new BigDecimal("10000"))).isEqualByComparingTo("80");

        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", new Issue(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                new BigDecimal("10000.00"), "EUR"));
        ledger.moved("I-1", "P-1", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-15"), new BigDecimal("8000.00")));

        Kpis kpis = kpis(ledger, 30);
        assertThat(kpis.recovered()).isEqualByComparingTo("8000");
        assertThat(kpis.recoveryRate()).isEqualByComparingTo("80.00");
    }

    @Test
    void collecting7000Of16000OwedOverThePeriodIsACollectionRateOf43Point75Percent() {
        assertThat(Kpis.percent(new BigDecimal("7000"), new BigDecimal("16000"))).isEqualByComparingTo("43.75");

        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-OLD", new Issue(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-04-10"),
                new BigDecimal("10000.00"), "EUR"));
        ledger.invoiceIssued("I-NEW", new Issue(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-04-09"),
                new BigDecimal("6000.00"), "EUR"));
        ledger.moved("I-OLD", "P-1", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-12"), new BigDecimal("5000.00")));
        ledger.moved("I-NEW", "P-2", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-20"), new BigDecimal("2000.00")));

        Kpis kpis = kpis(ledger, 30);
        assertThat(kpis.collected()).isEqualByComparingTo("7000");
        assertThat(kpis.collectionRate()).isEqualByComparingTo("43.75");
    }

    @Test
    void spending5000ToRecover10000IsACostOfCollectionOf50Percent() {
        assertThat(Kpis.percent(new BigDecimal("5000"), new BigDecimal("10000"))).isEqualByComparingTo("50");

        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", new Issue(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"),
                new BigDecimal("12000.00"), "EUR"));
        ledger.moved("I-1", "P-1", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-10"), new BigDecimal("10000.00")));
        ledger.reminderSent("R-1", new ReminderDelivery(LocalDate.parse("2026-03-05"), "REGISTERED_LETTER", new BigDecimal("1000.00"), "EUR"));
        ledger.reminderSent("R-2", new ReminderDelivery(LocalDate.parse("2026-03-06"), "COLLECTION_AGENCY", new BigDecimal("4000.00"), "EUR"));

        Kpis kpis = kpis(ledger, 30);
        assertThat(kpis.dunningCost()).isEqualByComparingTo("5000");
        assertThat(kpis.costOfCollection()).isEqualByComparingTo("50.00");
    }

    private static Kpis kpis(CustomerLedger ledger, int windowDays) {
        KpiTotals totals = new KpiCalculator(MARCH_31, windowDays).totals(List.of(ledger)).get("EUR");
        return Kpis.of(totals, MARCH_31, windowDays);
    }
}
