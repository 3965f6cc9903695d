package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerNamesTest {

    @Test
    void namesDifferingOnlyInCaseAccentsPunctuationAndLegalFormCompareEqual() {
        assertThat(CustomerNames.normalize("Société Générale d'Éclairage SAS"))
                .isEqualTo(CustomerNames.normalize("SOCIETE GENERALE D ECLAIRAGE"));
        assertThat(CustomerNames.normalize("Acme GmbH")).isEqualTo(CustomerNames.normalize("ACME"));
    }

    @Test
    void differentNamesStayDifferent() {
        assertThat(CustomerNames.normalize("Acme Industries")).isNotEqualTo(CustomerNames.normalize("Acme"));
    }

    @Test
    void aNameMadeOfALegalFormOnlyIsBlank() {
        assertThat(CustomerNames.normalize("SARL")).isEmpty();
        assertThat(CustomerNames.normalize(null)).isEmpty();
    }
}
