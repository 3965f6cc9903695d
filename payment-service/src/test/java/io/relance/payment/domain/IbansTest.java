package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IbansTest {

    @Test
    void anIbanWithSpacesAndLowerCaseIsCanonicalised() {
        assertThat(Ibans.normalize("fr76 3000 6000 0112 3456 7890 189", "payerIban"))
                .isEqualTo("FR7630006000011234567890189");
    }

    @Test
    void anIbanWithAWrongCheckDigitIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Ibans.normalize("FR7630006000011234567890188", "payerIban"))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.field()).isEqualTo("payerIban"));
    }

    @Test
    void aMissingIbanStaysMissing() {
        assertThat(Ibans.normalize("  ", "payerIban")).isNull();
    }
}
