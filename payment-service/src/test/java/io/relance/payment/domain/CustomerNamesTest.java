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

    @Test
    void legalFormsWrittenWithDotsAreStillLegalForms() {
        assertThat(CustomerNames.normalize("PHARMACIE LEMAIRE S.A.R.L.")).isEqualTo("PHARMACIE LEMAIRE");
        assertThat(CustomerNames.normalize("Garage Petit S.A.S")).isEqualTo("GARAGE PETIT");
        assertThat(CustomerNames.normalize("M. A. Dupont")).isEqualTo("MA DUPONT");
    }
}
