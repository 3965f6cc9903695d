package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentLinkSignerTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private final PaymentLinkSigner signer = new PaymentLinkSigner(secret("a"));

    private static byte[] secret(String fill) {
        return fill.repeat(32).getBytes(StandardCharsets.UTF_8);
    }

    private String link(String customer, Duration validity) {
        return signer.sign(new PaymentLink(customer, NOW.plus(validity)));
    }

    @Test
    void aLinkWeSignedGrantsItsCustomerUntilItExpires() {
        String token = link("C-1042", Duration.ofDays(30));

        assertThat(signer.verify(token, NOW.plus(Duration.ofDays(29))))
                .isEqualTo(new PaymentLink("C-1042", NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void aLinkIsRefusedAsExpiredFromItsExpiryOn() {
        String token = link("C-1042", Duration.ofDays(30));

        assertThatThrownBy(() -> signer.verify(token, NOW.plus(Duration.ofDays(30))))
                .isInstanceOfSatisfying(PaymentLinkRejected.class, e -> assertThat(e.expired()).isTrue());
    }

    @Test
    void swappingTheCustomerOfALinkBreaksItsSignature() {
        String[] parts = link("C-1042", Duration.ofDays(30)).split("\\.");
        String other = Base64.getUrlEncoder().withoutPadding().encodeToString("C-9999".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> signer.verify(other + "." + parts[1] + "." + parts[2], NOW))
                .isInstanceOfSatisfying(PaymentLinkRejected.class, e -> assertThat(e.expired()).isFalse());
    }

    @Test
    void extendingTheExpiryOfAnExpiredLinkBreaksItsSignatureInsteadOfReviving() {
        String[] parts = link("C-1042", Duration.ofDays(-1)).split("\\.");
        String extended = parts[0] + "." + NOW.plus(Duration.ofDays(365)).getEpochSecond() + "." + parts[2];

        assertThatThrownBy(() -> signer.verify(extended, NOW))
                .isInstanceOfSatisfying(PaymentLinkRejected.class, e -> assertThat(e.expired()).isFalse());
    }

    @Test
    void aForgedLinkPastItsExpiryIsInvalidRatherThanExpired() {
        String forged = new PaymentLinkSigner(secret("b")).sign(new PaymentLink("C-1042", NOW.minusSeconds(60)));

        assertThatThrownBy(() -> signer.verify(forged, NOW))
                .isInstanceOfSatisfying(PaymentLinkRejected.class, e -> assertThat(e.expired()).isFalse());
    }

    @Test
    void aLinkSpelledOtherwiseIsRefusedEvenWhenItDecodesToTheSameSignature() {
        String[] parts = link("C-1042", Duration.ofDays(30)).split("\\.");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char last = parts[2].charAt(parts[2].length() - 1);
        // 32 MAC bytes take 43 characters: the last one's two lowest bits carry nothing.
        String unusedBitSet = parts[2].substring(0, parts[2].length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);

        for (String respelled : new String[]{parts[0] + "." + parts[1] + "." + unusedBitSet,
                parts[0] + ".0" + parts[1] + "." + parts[2]}) {
            assertThatThrownBy(() -> signer.verify(respelled, NOW)).as(respelled)
                    .isInstanceOf(PaymentLinkRejected.class).hasMessageContaining("signature");
        }
    }

    @Test
    void garbageIsRefusedAsNotAPaymentLink() {
        for (String garbage : new String[]{"", "abc", "a.b", "a.b.c.d", "!!.12.xx", "QQ.notanumber.QQ", "QQ.12.@@"}) {
            assertThatThrownBy(() -> signer.verify(garbage, NOW)).as(garbage).isInstanceOf(PaymentLinkRejected.class);
        }
    }

    @Test
    void aShortSecretIsRefused() {
        assertThatThrownBy(() -> new PaymentLinkSigner("short".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
