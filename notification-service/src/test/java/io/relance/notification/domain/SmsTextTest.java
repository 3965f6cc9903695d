package io.relance.notification.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SmsTextTest {

    @Test
    void frenchAccentsOfTheGsmAlphabetKeepA160CharacterSegment() {
        String text = "é".repeat(80) + "à".repeat(80);
        assertThat(SmsText.isGsm7(text)).isTrue();
        assertThat(SmsText.segments(text)).isEqualTo(1);
        assertThat(SmsText.segments(text + "e")).isEqualTo(2);
    }

    @Test
    void aCircumflexForcesUnicodeAndSeventyCharacterSegments() {
        assertThat(SmsText.isGsm7("bientôt")).isFalse();
        assertThat(SmsText.segments("ô".repeat(70))).isEqualTo(1);
        assertThat(SmsText.segments("ô".repeat(71))).isEqualTo(2);
    }

    @Test
    void theEuroSignCountsTwice() {
        assertThat(SmsText.segments("€".repeat(80))).isEqualTo(1);
        assertThat(SmsText.segments("€".repeat(81))).isEqualTo(2);
    }
}
