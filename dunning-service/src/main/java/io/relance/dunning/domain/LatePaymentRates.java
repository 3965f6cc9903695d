package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The reference rates by half-year, in percent: the ECB main refinancing rate in force on the half-year's first
 * day and the French legal interest rate for professional creditors. A half-year, or one of its two rates, not yet
 * in the table is charged at the latest one published before it: interest keeps running at a known, documented
 * rate rather than stopping, and {@link #carriedOver} says so, so that the service can warn until the table is
 * completed.
 */
public final class LatePaymentRates {

    /** Points added to the ECB rate when the contract sets no rate (L441-10). */
    public static final BigDecimal ECB_MARGIN = new BigDecimal("10");
    private static final BigDecimal LEGAL_RATE_FLOOR_FACTOR = new BigDecimal("3");

    /**
     * The published rates of one half-year, in percent.
     *
     * @param legalRate null while the legal rate of the half-year is not known
     */
    public record Rates(BigDecimal ecbRefinancingRate, BigDecimal legalRate) {

        public Rates {
            Objects.requireNonNull(ecbRefinancingRate, "ecbRefinancingRate");
        }
    }

    private final NavigableMap<HalfYear, Rates> table;

    public LatePaymentRates(Map<HalfYear, Rates> table) {
        if (table.isEmpty()) {
            throw new DunningRuleViolation("rates", "must hold at least one half-year");
        }
        this.table = new TreeMap<>(table);
        if (this.table.firstEntry().getValue().legalRate() == null) {
            throw new DunningRuleViolation("rates", "must give the legal rate of its first half-year, "
                    + this.table.firstKey());
        }
    }

    /**
     * The annual rate in percent for {@code halfYear}: the contract rate, else ECB + 10 points, never below three
     * times the legal rate.
     */
    public BigDecimal annualRate(HalfYear halfYear, BigDecimal contractRate) {
        var ecb = table.floorEntry(halfYear);
        if (ecb == null) {
            throw new DunningRuleViolation("rates", "hold no rate for " + halfYear + " or before it");
        }
        BigDecimal agreed = contractRate != null ? contractRate : ecb.getValue().ecbRefinancingRate().add(ECB_MARGIN);
        return agreed.max(legalRateFor(halfYear).multiply(LEGAL_RATE_FLOOR_FACTOR));
    }

    /** What {@code halfYear} is charged at that was published for an earlier one; empty when the table has both. */
    public List<String> carriedOver(HalfYear halfYear) {
        List<String> gaps = new ArrayList<>();
        HalfYear ecbFrom = table.floorKey(halfYear);
        if (ecbFrom != null && !ecbFrom.equals(halfYear)) {
            gaps.add("the ECB rate of " + ecbFrom + " applies to " + halfYear);
        }
        HalfYear legalFrom = legalHalfYear(halfYear);
        if (legalFrom != null && !legalFrom.equals(halfYear)) {
            gaps.add("the legal rate of " + legalFrom + " applies to " + halfYear);
        }
        return gaps;
    }

    private BigDecimal legalRateFor(HalfYear halfYear) {
        HalfYear from = legalHalfYear(halfYear);
        if (from == null) {
            throw new DunningRuleViolation("rates", "hold no legal rate for " + halfYear + " or before it");
        }
        return table.get(from).legalRate();
    }

    private HalfYear legalHalfYear(HalfYear halfYear) {
        return table.headMap(halfYear, true).descendingMap().entrySet().stream()
                .filter(e -> e.getValue().legalRate() != null).map(Map.Entry::getKey).findFirst().orElse(null);
    }
}
