package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
    private static final byte[] BODY = "{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}".getBytes(StandardCharsets.UTF_8);
    private final WebhookSignature signature = new WebhookSignature(secret("s"), Duration.ofMinutes(5));

    private static byte[] secret(String fill) {
        return fill.repeat(40).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodySignedWithTheSecretWithinTheToleranceIsAccepted() {
        String header = signature.header(NOW.minusSeconds(299), BODY);

        assertThatCode(() -> signature.verify(header, BODY, NOW)).doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyIsRefused() {
        String header = signature.header(NOW, BODY);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8).replace("evt_1", "evt_2").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signature.verify(header, changed, NOW)).isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("no signature matches");
    }

    @Test
    void aSignatureWithAnotherSecretIsRefused() {
        String header = new WebhookSignature(secret("x"), Duration.ofMinutes(5)).header(NOW, BODY);

        assertThatThrownBy(() -> signature.verify(header, BODY, NOW)).isInstanceOf(WebhookRejected.class);
    }

    @Test
    void aCapturedRequestReplayedAfterTheToleranceIsRefused() {
        String header = signature.header(NOW.minusSeconds(301), BODY);

        assertThatThrownBy(() -> signature.verify(header, BODY, NOW)).isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void movingTheTimestampForwardBreaksTheSignature() {
        String old = signature.header(NOW.minusSeconds(3600), BODY);
        String moved = old.replaceFirst("t=\\d+", "t=" + NOW.getEpochSecond());

        assertThatThrownBy(() -> signature.verify(moved, BODY, NOW)).isInstanceOf(WebhookRejected.class)
                .hasMessageContaining("no signature matches");
    }

    @Test
    void oneMatchingSignatureAmongSeveralIsEnoughWhileTheProviderRotatesItsSecret() {
        String stale = new WebhookSignature(secret("old"), Duration.ofMinutes(5)).header(NOW, BODY);
        String current = signature.header(NOW, BODY);
        String both = stale + "," + current.substring(current.indexOf("v1="));

        assertThatCode(() -> signature.verify(both, BODY, NOW)).doesNotThrowAnyException();
    }

    @Test
    void aMissingOrMalformedHeaderIsRefused() {
        for (String header : new String[]{null, "", "v1=abcd", "t=12", "t=abc,v1=00", "t=12,v1=zz", "garbage"}) {
            assertThatThrownBy(() -> signature.verify(header, BODY, NOW)).as(String.valueOf(header))
                    .isInstanceOf(WebhookRejected.class);
        }
    }
}
