package io.relance.kpi.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KpiCalculatorTest {

    private static final LocalDate T = LocalDate.parse("2026-06-30");

    @Test
    void anInvoiceIssuedOnTheDayCountsInThatDaysReceivablesAndOnePaidOnTheDayNoLongerDoes() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-NEW", issue("2026-06-30", "2026-07-30", "100.00"));
        ledger.invoiceIssued("I-PAID", issue("2026-06-01", "2026-07-01", "40.00"));
        ledger.moved("I-PAID", "P-1", payment("2026-06-30", "40.00"));

        assertThat(kpis(ledger, 30).receivables()).isEqualByComparingTo("100.00");
        assertThat(kpis(ledger, T.minusDays(1), 30).receivables()).isEqualByComparingTo("40.00");
    }

    @Test
    void aWindowOfNDaysCoversTheDaysAfterTMinusNUpToAndIncludingT() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-EDGE", issue("2026-05-31", "2026-06-30", "70.00"));
        ledger.invoiceIssued("I-IN", issue("2026-06-01", "2026-07-01", "30.00"));

        assertThat(kpis(ledger, 30).revenue()).isEqualByComparingTo("30.00");
        assertThat(kpis(ledger, 30).invoicesIssued()).isEqualTo(1);
    }

    @Test
    void aPaymentKnownBeforeItsInvoiceCountsOnlyOnceTheInvoiceIsIssuedAndThenAsIfInOrder() {
        CustomerLedger early = CustomerLedger.empty("C-1");
        early.moved("I-1", "P-1", payment("2026-06-20", "25.00"));
        assertThat(new KpiCalculator(T, 30).totals(List.of(early))).isEmpty();

        early.invoiceIssued("I-1", issue("2026-06-10", "2026-07-10", "100.00"));
        CustomerLedger inOrder = CustomerLedger.empty("C-1");
        inOrder.invoiceIssued("I-1", issue("2026-06-10", "2026-07-10", "100.00"));
        inOrder.moved("I-1", "P-1", payment("2026-06-20", "25.00"));

        assertThat(kpis(early, 30)).isEqualTo(kpis(inOrder, 30));
        assertThat(kpis(early, 30).receivables()).isEqualByComparingTo("75.00");
    }

    @Test
    void theSameFactRecordedTwiceChangesNoFigure() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", issue("2026-06-10", "2026-07-10", "100.00"));
        ledger.moved("I-1", "P-1", payment("2026-06-20", "25.00"));
        Kpis once = kpis(ledger, 30);
        ledger.moved("I-1", "P-1", payment("2026-06-20", "25.00"));
        ledger.invoiceIssued("I-1", issue("2026-06-10", "2026-07-10", "100.00"));

        assertThat(kpis(ledger, 30)).isEqualTo(once);
    }

    @Test
    void openBalancesFallIntoAgingBucketsByDaysPastTheirDueDate() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-0", issue("2026-06-01", "2026-06-30", "1.00"));
        ledger.invoiceIssued("I-30", issue("2026-05-01", "2026-05-31", "2.00"));
        ledger.invoiceIssued("I-31", issue("2026-04-30", "2026-05-30", "4.00"));
        ledger.invoiceIssued("I-90", issue("2026-03-02", "2026-04-01", "8.00"));
        ledger.invoiceIssued("I-91", issue("2026-03-01", "2026-03-31", "16.00"));

        Map<AgingBucket, BigDecimal> aging = kpis(ledger, 30).aging();
        assertThat(aging.get(AgingBucket.NOT_DUE)).isEqualByComparingTo("1.00");
        assertThat(aging.get(AgingBucket.DAYS_1_30)).isEqualByComparingTo("2.00");
        assertThat(aging.get(AgingBucket.DAYS_31_60)).isEqualByComparingTo("4.00");
        assertThat(aging.get(AgingBucket.DAYS_61_90)).isEqualByComparingTo("8.00");
        assertThat(aging.get(AgingBucket.OVER_90)).isEqualByComparingTo("16.00");
        assertThat(kpis(ledger, 30).overdueReceivables()).isEqualByComparingTo("30.00");
    }

    @Test
    void countBackDsoTakesEachDaysInvoicingOffTheReceivablesGoingBackFromT() {
        Map<LocalDate, BigDecimal> revenue = Map.of(T, new BigDecimal("100"), T.minusDays(2), new BigDecimal("100"));

        assertThat(Kpis.countBackDso(new BigDecimal("150"), revenue, T)).isEqualByComparingTo("2.50");
    }

    @Test
    void countBackDsoTakesWholeMonthsOffThenTheDaysOfTheMonthWhereTheReceivablesAreCovered() {
        LocalDate t = LocalDate.parse("2026-03-31");
        Map<LocalDate, BigDecimal> revenue = Map.of(LocalDate.parse("2026-01-10"), new BigDecimal("100"),
                LocalDate.parse("2026-02-05"), new BigDecimal("50"), LocalDate.parse("2026-03-01"), new BigDecimal("30"),
                LocalDate.parse("2026-04-01"), new BigDecimal("999"));

        // 30 (March) and 50 (February) taken off whole; 70 of the 100 of January 10, 80 days before t.
        assertThat(Kpis.countBackDso(new BigDecimal("150"), revenue, t)).isEqualByComparingTo("80.70");
        assertThat(Kpis.countBackDso(new BigDecimal("80"), revenue, t)).isEqualByComparingTo("55.00");
        // More than everything invoiced: back to the earliest invoicing day, counted in full.
        assertThat(Kpis.countBackDso(new BigDecimal("1000"), revenue, t)).isEqualByComparingTo("81.00");
        assertThat(Kpis.countBackDso(BigDecimal.ZERO, revenue, t)).isEqualByComparingTo("0.00");
    }

    @Test
    void paymentDelayIsMeasuredFromIssueToFullPaymentAndLatenessFromTheDueDate() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-LATE", issue("2026-05-01", "2026-05-31", "300.00"));
        ledger.moved("I-LATE", "P-1", payment("2026-06-05", "100.00"));
        ledger.moved("I-LATE", "P-2", payment("2026-06-10", "200.00"));
        ledger.invoiceIssued("I-EARLY", issue("2026-06-01", "2026-07-01", "100.00"));
        ledger.moved("I-EARLY", "P-3", payment("2026-06-11", "100.00"));

        Kpis kpis = kpis(ledger, 30);
        assertThat(kpis.invoicesPaid()).isEqualTo(2);
        assertThat(kpis.averagePaymentDays()).isEqualByComparingTo("25.00");
        assertThat(kpis.amountWeightedPaymentDays()).isEqualByComparingTo("32.50");
        assertThat(kpis.averageDaysLate()).isEqualByComparingTo("5.00");
    }

    @Test
    void aWriteOffClosesAnInvoiceWithoutPayingItAndCountsAsBadDebt() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", issue("2026-06-01", "2026-06-15", "200.00"));
        ledger.moved("I-1", "W-1", new Movement(Movement.Kind.WRITE_OFF, LocalDate.parse("2026-06-25"), new BigDecimal("200.00")));

        Kpis kpis = kpis(ledger, 30);
        assertThat(kpis.receivables()).isEqualByComparingTo("0");
        assertThat(kpis.invoicesPaid()).isZero();
        assertThat(kpis.badDebtRate()).isEqualByComparingTo("100.00");
    }

    @Test
    void aReversedPaymentReopensTheInvoice() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", issue("2026-06-01", "2026-07-01", "200.00"));
        ledger.moved("I-1", "P-1", payment("2026-06-10", "200.00"));
        ledger.moved("I-1", "R-1", new Movement(Movement.Kind.REVERSAL, LocalDate.parse("2026-06-12"), new BigDecimal("200.00")));

        Kpis kpis = kpis(ledger, 30);
        assertThat(kpis.receivables()).isEqualByComparingTo("200.00");
        assertThat(kpis.collected()).isEqualByComparingTo("0");
        assertThat(kpis.invoicesPaid()).isZero();
    }

    @Test
    void theDisputeRateCountsDisputedInvoicesAmongThoseIssuedInTheWindowEvenIfTheResolutionArrivedFirst() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", issue("2026-06-01", "2026-07-01", "10.00"));
        ledger.invoiceIssued("I-2", issue("2026-06-02", "2026-07-02", "10.00"));
        ledger.invoiceIssued("I-3", issue("2026-06-03", "2026-07-03", "10.00"));
        ledger.invoiceIssued("I-4", issue("2026-06-04", "2026-07-04", "10.00"));
        ledger.disputeResolved("I-1", "D-1", LocalDate.parse("2026-06-20"));
        assertThat(kpis(ledger, 30).disputeRate()).isEqualByComparingTo("0");

        ledger.disputeOpened("I-1", "D-1", LocalDate.parse("2026-06-10"));
        assertThat(kpis(ledger, 30).disputeRate()).isEqualByComparingTo("25.00");
    }

    @Test
    void activationRateIsCasesClosedPaidOverCasesInProgressAndCostPerCaseDividesTheCostByThem() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", issue("2026-04-01", "2026-05-01", "10.00"));
        ledger.invoiceIssued("I-2", issue("2026-04-01", "2026-05-01", "10.00"));
        ledger.dunningEscalated("K-1", Set.of("I-1"), LocalDate.parse("2026-05-08"));
        ledger.dunningEscalated("K-2", Set.of("I-2"), LocalDate.parse("2026-05-08"));
        ledger.dunningClosed("K-1", "I-1", new DunningCase.Closure(LocalDate.parse("2026-06-10"), true, "EUR"));
        ledger.reminderSent("S-1", new ReminderDelivery(LocalDate.parse("2026-06-05"), "SMS", new BigDecimal("0.09"), "EUR"));

        Kpis kpis = kpis(ledger, 30);
        assertThat(kpis.casesInProgress()).isEqualTo(2);
        assertThat(kpis.activationRate()).isEqualByComparingTo("50.00");
        assertThat(kpis.costPerCase()).isEqualByComparingTo("0.05");
        assertThat(kpis.remindersByChannel()).containsEntry("SMS", 1L);
    }

    @Test
    void theCollectionEffectivenessIndexComparesWhatWasCollectedWithWhatWasCollectable() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-OLD", issue("2026-05-01", "2026-05-15", "100.00"));
        ledger.invoiceIssued("I-NEW", issue("2026-06-10", "2026-07-10", "100.00"));
        ledger.moved("I-OLD", "P-1", payment("2026-06-20", "60.00"));

        // opening 100 + revenue 100 = 200; ending 140 of which 100 current: (200 − 140) / (200 − 100) = 60 %.
        assertThat(kpis(ledger, 30).collectionEffectivenessIndex()).isEqualByComparingTo("60.00");
    }

    @Test
    void aRatioWithNothingToDivideByIsUndefinedNotZero() {
        Kpis kpis = Kpis.of(new KpiTotals(), T, 30);

        assertThat(kpis.dsoAccounting()).isNull();
        assertThat(kpis.recoveryRate()).isNull();
        assertThat(kpis.receivables()).isEqualByComparingTo("0");
    }

    private static Issue issue(String issued, String due, String amount) {
        return new Issue(LocalDate.parse(issued), LocalDate.parse(due), new BigDecimal(amount), "EUR");
    }

    private static Movement payment(String on, String amount) {
        return new Movement(Movement.Kind.PAYMENT, LocalDate.parse(on), new BigDecimal(amount));
    }

    private static Kpis kpis(CustomerLedger ledger, int windowDays) {
        return kpis(ledger, T, windowDays);
    }

    private static Kpis kpis(CustomerLedger ledger, LocalDate asOf, int windowDays) {
        KpiTotals totals = new KpiCalculator(asOf, windowDays).totals(List.of(ledger)).getOrDefault("EUR", new KpiTotals());
        return Kpis.of(totals, asOf, windowDays);
    }
}
