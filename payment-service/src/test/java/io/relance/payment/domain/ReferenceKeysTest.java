package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceKeysTest {

    private static boolean names(String text, String invoiceNumber) {
        Set<String> inText = ReferenceKeys.inText(text);
        return ReferenceKeys.ofInvoiceNumber(invoiceNumber).stream().anyMatch(inText::contains);
    }

    @Test
    void anInvoiceNumberIsFoundWhateverTheSpacesDashesAndCase() {
        assertThat(names("Paiement f 2026 0001 merci", "F-2026-0001")).isTrue();
        assertThat(names("F2026/0001", "F-2026-0001")).isTrue();
        assertThat(names("ref F_2026.0001", "F-2026-0001")).isTrue();
    }

    @Test
    void anInvoiceNumberIsFoundBehindAnotherPrefix() {
        assertThat(names("FACTURE N° 2026-0001", "F-2026-0001")).isTrue();
        assertThat(names("INV20260001", "F-2026-0001")).isTrue();
        assertThat(names("Facture F-2026-0001 réglée", "F-2026-0001")).isTrue();
    }

    @Test
    void severalNumbersInOneTextAreEachFound() {
        String text = "Règlement factures F-2026-0001, F-2026-0002 et 2026 0003";
        assertThat(names(text, "F-2026-0001")).isTrue();
        assertThat(names(text, "F-2026-0002")).isTrue();
        assertThat(names(text, "F-2026-0003")).isTrue();
    }

    @Test
    void aPieceOfALongerNumberIsNotTakenForAnInvoiceNumber() {
        assertThat(names("order 120260001", "F-2026-0001")).isFalse();
        assertThat(names("F-2026-00012", "F-2026-0001")).isFalse();
    }

    @Test
    void shortDigitRunsSuchAsAYearNameNoInvoice() {
        assertThat(ReferenceKeys.inText("payment 2026")).doesNotContain("2026");
        assertThat(names("payment march 2026", "2026")).isFalse();
    }

    @Test
    void numbersSeparatedByPunctuationOtherThanDashesAreNotJoined() {
        assertThat(names("2026, 0001", "F-2026-0001")).isFalse();
    }

    @Test
    void numbersOneSwappedMissingExtraOrWrongCharacterApartAreOneTypoApart() {
        assertThat(ReferenceKeys.oneTypoApart("F-2026-003812", "F-2026-003821")).isTrue();
        assertThat(ReferenceKeys.oneTypoApart("F-2026-003812", "F-2026-00382")).isTrue();
        assertThat(ReferenceKeys.oneTypoApart("F-2026-003812", "F-2026-0038122")).isTrue();
        assertThat(ReferenceKeys.oneTypoApart("F-2026-003812", "F 2026 003813")).isTrue();
    }

    @Test
    void identicalNumbersAndNumbersTwoTyposApartAreNotOneTypoApart() {
        assertThat(ReferenceKeys.oneTypoApart("F-2026-003812", "f 2026 003812")).isFalse();
        assertThat(ReferenceKeys.oneTypoApart("F-2026-003812", "F-2026-009912")).isFalse();
        assertThat(ReferenceKeys.oneTypoApart("F-2026-003812", "F-2026-0038")).isFalse();
    }
}
