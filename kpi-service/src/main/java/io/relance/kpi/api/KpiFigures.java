package io.relance.kpi.api;

import io.relance.kpi.domain.AgingBucket;
import io.relance.kpi.domain.Kpis;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The KPIs of one currency as JSON: amounts and figures as decimal strings (never floating point), null when a
 * ratio is undefined (nothing to divide by). Rates are percentages, durations days.
 */
public record KpiFigures(
        String currency,
        String receivables,
        String overdueReceivables,
        String revenue,
        String collected,
        String recovered,
        String writtenOff,
        String dunningCost,
        String dsoDays,
        String countBackDsoDays,
        String bestPossibleDsoDays,
        String averageDaysDelinquent,
        String averagePaymentDays,
        String amountWeightedPaymentDays,
        String averageDaysLate,
        String recoveryRatePercent,
        String collectionRatePercent,
        String activationRatePercent,
        String disputeRatePercent,
        String badDebtRatePercent,
        String costOfCollectionPercent,
        String costPerCase,
        String collectionEffectivenessIndexPercent,
        long invoicesIssued,
        long invoicesDisputed,
        long invoicesPaid,
        long dunningCasesInProgress,
        long dunningCasesClosedPaid,
        List<AgingAmount> aging,
        Map<String, Long> remindersSentByChannel) {

    /** The open balance in one aging bucket. */
    public record AgingAmount(String bucket, String amount) {
    }

    static KpiFigures of(String currency, Kpis k) {
        return new KpiFigures(currency, s(k.receivables()), s(k.overdueReceivables()), s(k.revenue()), s(k.collected()),
                s(k.recovered()), s(k.writtenOff()), s(k.dunningCost()), s(k.dsoAccounting()), s(k.dsoCountBack()),
                s(k.bestPossibleDso()), s(k.averageDaysDelinquent()), s(k.averagePaymentDays()),
                s(k.amountWeightedPaymentDays()), s(k.averageDaysLate()), s(k.recoveryRate()), s(k.collectionRate()),
                s(k.activationRate()), s(k.disputeRate()), s(k.badDebtRate()), s(k.costOfCollection()), s(k.costPerCase()),
                s(k.collectionEffectivenessIndex()), k.invoicesIssued(), k.invoicesDisputed(), k.invoicesPaid(),
                k.casesInProgress(), k.casesClosedPaid(), aging(k.aging()), k.remindersByChannel());
    }

    static List<AgingAmount> aging(Map<AgingBucket, BigDecimal> aging) {
        return Arrays.stream(AgingBucket.values()).map(b -> new AgingAmount(b.label(), s(aging.get(b)))).toList();
    }

    static List<KpiFigures> all(Map<String, Kpis> byCurrency) {
        return byCurrency.entrySet().stream().map(e -> of(e.getKey(), e.getValue())).toList();
    }

    private static String s(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
