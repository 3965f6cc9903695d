package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.Optional;

/** French B2B late-payment charges: simple interest from the day after the due date and the fixed indemnity (D441-5). */
public final class LatePaymentCharges {

    public static final Money RECOVERY_INDEMNITY = Money.of("40.00", "EUR");
    private static final BigDecimal DAYS_PER_YEAR = new BigDecimal("365");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final LatePaymentRates rates;

    public LatePaymentCharges(LatePaymentRates rates) {
        this.rates = rates;
    }

    /**
     * Interest on {@code open} for every day from the day after {@code dueDate} to {@code on} included, each
     * half-year at its own rate; zero when {@code on} is not after the due date.
     */
    public Money lateInterest(Money open, LocalDate dueDate, LocalDate on, BigDecimal contractRate) {
        BigDecimal total = BigDecimal.ZERO;
        LocalDate from = dueDate.plusDays(1);
        while (!from.isAfter(on)) {
            HalfYear halfYear = HalfYear.of(from);
            LocalDate endExclusive = halfYear.next().firstDay();
            LocalDate to = endExclusive.isAfter(on) ? on.plusDays(1) : endExclusive;
            long days = ChronoUnit.DAYS.between(from, to);
            total = total.add(open.amount()
                    .multiply(rates.annualRate(halfYear, contractRate))
                    .multiply(BigDecimal.valueOf(days))
                    .divide(HUNDRED.multiply(DAYS_PER_YEAR), MathContext.DECIMAL64));
            from = to;
        }
        return new Money(total.setScale(open.currency().getDefaultFractionDigits(), RoundingMode.HALF_UP),
                open.currency());
    }

    /** The fixed 40 EUR indemnity per invoice; none for an invoice in another currency, which the law does not fix. */
    public Optional<Money> recoveryIndemnity(Currency currency) {
        return currency.equals(RECOVERY_INDEMNITY.currency()) ? Optional.of(RECOVERY_INDEMNITY) : Optional.empty();
    }
}
