package io.relance.invoice.domain.customer;

import io.relance.invoice.domain.InvoiceRuleViolation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompanyIdentifierTest {

    @Test
    void aSirenWhoseLuhnCheckDigitIsRightIsAcceptedWithoutItsSpaces() {
        assertThat(CompanyIdentifier.normalize("552 081 317")).isEqualTo("552081317");
    }

    @Test
    void aSirenWithAWrongCheckDigitIsRefusedNamingTheLuhnRule() {
        assertThatThrownBy(() -> CompanyIdentifier.normalize("552081318"))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("sirenOrVat");
                    assertThat(e.rule()).contains("Luhn");
                });
    }

    @Test
    void aFrenchVatNumberMustCarryTheKeyComputedFromItsSiren() {
        assertThat(CompanyIdentifier.normalize("fr 03 552081317")).isEqualTo("FR03552081317");
        assertThatThrownBy(() -> CompanyIdentifier.normalize("FR04552081317"))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.rule()).contains("key"));
    }

    @Test
    void aVatNumberOfAnotherMemberStateIsCheckedAgainstThatStatesFormat() {
        assertThat(CompanyIdentifier.normalize("DE123456789")).isEqualTo("DE123456789");
        assertThat(CompanyIdentifier.normalize("NL123456789B01")).isEqualTo("NL123456789B01");
        assertThatThrownBy(() -> CompanyIdentifier.normalize("DE12345678"))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.rule()).contains("DE"));
    }

    @Test
    void anIdentifierThatIsNeitherASirenNorAnEuVatNumberIsRefused() {
        assertThatThrownBy(() -> CompanyIdentifier.normalize("US123456789"))
                .isInstanceOf(InvoiceRuleViolation.class);
        assertThatThrownBy(() -> CompanyIdentifier.normalize("12345"))
                .isInstanceOf(InvoiceRuleViolation.class);
    }
}
