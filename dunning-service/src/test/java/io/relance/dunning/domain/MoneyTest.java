package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefusedRatherThanRounded() {
        assertThatThrownBy(() -> Money.of("10.001", "EUR"))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.rule()).contains("at most 2"));
        assertThatThrownBy(() -> Money.of("5.5", "JPY")).isInstanceOf(DunningRuleViolation.class);
    }

    @Test
    void amountsOfTwoCurrenciesAreNeverAdded() {
        assertThatThrownBy(() -> Money.of("1.00", "EUR").plus(Money.of("1.00", "USD")))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }

    @Test
    void trailingZerosAreNotExtraDecimals() {
        assertThat(Money.of("10.0000", "EUR")).isEqualTo(Money.of("10", "EUR"));
    }
}
