package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The reference rates by half-year, in percent: the ECB main refinancing rate in force on the half-year's first
 * day and the French legal interest rate for professional creditors.
 */
public final class LatePaymentRates {

    /** Points added to the ECB rate when the contract sets no rate (L441-10). */
    public static final BigDecimal ECB_MARGIN = new BigDecimal("10");
    private static final BigDecimal LEGAL_RATE_FLOOR_FACTOR = new BigDecimal("3");

    /** The two published rates of one half-year, in percent. */
    public record Rates(BigDecimal ecbRefinancingRate, BigDecimal legalRate) {
    }

    private final NavigableMap<HalfYear, Rates> table;

    public LatePaymentRates(Map<HalfYear, Rates> table) {
        if (table.isEmpty()) {
            throw new DunningRuleViolation("rates", "must hold at least one half-year");
        }
        this.table = new TreeMap<>(table);
    }

    /**
     * The annual rate in percent for {@code halfYear}: the contract rate, else ECB + 10 points, never below three
     * times the legal rate. A half-year not yet in the table uses the latest one before it.
     */
    public BigDecimal annualRate(HalfYear halfYear, BigDecimal contractRate) {
        var entry = table.floorEntry(halfYear);
        if (entry == null) {
            throw new DunningRuleViolation("rates", "hold no rate for " + halfYear + " or before it");
        }
        Rates rates = entry.getValue();
        BigDecimal agreed = contractRate != null ? contractRate : rates.ecbRefinancingRate().add(ECB_MARGIN);
        return agreed.max(rates.legalRate().multiply(LEGAL_RATE_FLOOR_FACTOR));
    }
}
