package io.relance.payment.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A provider's webhook signature in Stripe's scheme: header {@code t=<unix seconds>,v1=<hex HMAC-SHA256>} with the
 * MAC over {@code "<t>." + raw body}. Several {@code v1} values may be present while the provider rotates its secret.
 * The timestamp bounds how long a captured request can be replayed; the event id makes a replay inside that window
 * harmless.
 */
public final class WebhookSignature {

    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final Duration tolerance;

    public WebhookSignature(byte[] secret, Duration tolerance) {
        if (secret.length < PaymentLinkSigner.MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a webhook secret needs at least " + PaymentLinkSigner.MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.tolerance = tolerance;
    }

    public String header(Instant timestamp, byte[] body) {
        long t = timestamp.getEpochSecond();
        return "t=" + t + ",v1=" + HexFormat.of().formatHex(mac(t, body));
    }

    /** Passes when one {@code v1} value is the MAC of the body at a timestamp within the tolerance of {@code now}. */
    public void verify(String header, byte[] body, Instant now) {
        if (header == null || header.isBlank()) {
            throw new WebhookRejected("the signature header is missing");
        }
        Long timestamp = null;
        List<byte[]> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length != 2) {
                throw new WebhookRejected("the signature header is malformed");
            }
            try {
                if (pair[0].equals("t")) {
                    timestamp = Long.parseLong(pair[1]);
                } else if (pair[0].equals("v1")) {
                    signatures.add(HexFormat.of().parseHex(pair[1]));
                }
            } catch (IllegalArgumentException e) {
                throw new WebhookRejected("the signature header is malformed");
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            throw new WebhookRejected("the signature header needs a timestamp t and a v1 signature");
        }
        byte[] expected = mac(timestamp, body);
        // Every candidate is compared in constant time; nothing short-circuits on the first differing byte.
        boolean matches = false;
        for (byte[] signature : signatures) {
            matches |= MessageDigest.isEqual(expected, signature);
        }
        if (!matches) {
            throw new WebhookRejected("no signature matches the body");
        }
        Instant signedAt = Instant.ofEpochSecond(timestamp);
        if (Duration.between(signedAt, now).abs().compareTo(tolerance) > 0) {
            throw new WebhookRejected("the signature's timestamp is outside the tolerance of " + tolerance.toSeconds() + " s");
        }
    }

    private byte[] mac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
