package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Something that changed an invoice's open balance on a business date.
 *
 * @param amount always positive; {@link Kind#REVERSAL} adds it back, every other kind takes it off
 */
public record Movement(Kind kind, LocalDate on, BigDecimal amount) {

    /** What moved the balance. */
    public enum Kind {
        PAYMENT,
        /** A payment un-applied (bounced cheque, rejected direct debit): the amount is owed again. */
        REVERSAL,
        CREDIT_NOTE,
        WRITE_OFF,
        CANCELLATION
    }

    public Movement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(on, "on");
        Objects.requireNonNull(amount, "amount");
    }

    /** The change of the open balance: negative when it settles, positive when it re-opens. */
    public BigDecimal balanceChange() {
        return kind == Kind.REVERSAL ? amount : amount.negate();
    }

    /** Cash received net of reversals: what counts as collected. */
    public BigDecimal cashCollected() {
        return switch (kind) {
            case PAYMENT -> amount;
            case REVERSAL -> amount.negate();
            default -> BigDecimal.ZERO;
        };
    }
}
