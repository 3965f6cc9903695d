package io.relance.payment.domain;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;

/**
 * Signs and verifies payment-link tokens: {@code base64url(customerId).expiryEpochSeconds.base64url(HMAC-SHA256)}
 * with the MAC over a versioned message of both, so neither the customer nor the expiry can be changed without the
 * secret. Stateless: any instance verifies any link, and nothing is stored per link.
 */
public final class PaymentLinkSigner {

    /** Below 256 bits an HMAC-SHA256 key is weaker than the MAC itself. */
    public static final int MIN_SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    public PaymentLinkSigner(byte[] secret) {
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("a payment-link secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    public String sign(PaymentLink link) {
        byte[] customer = link.customerId().getBytes(StandardCharsets.UTF_8);
        long expiry = link.expiresAt().getEpochSecond();
        return ENCODER.encodeToString(customer) + "." + expiry + "." + ENCODER.encodeToString(mac(link.customerId(), expiry));
    }

    /** The link the token grants at {@code now}; the signature is checked before the expiry, so a forged token is never "expired". */
    public PaymentLink verify(String token, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3) {
            throw new PaymentLinkRejected("the link is not a payment link", false);
        }
        String customerId;
        long expiry;
        byte[] signature;
        try {
            customerId = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            expiry = Long.parseLong(parts[1]);
            signature = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new PaymentLinkRejected("the link is not a payment link", false);
        }
        // The token must be exactly the one we sign: a re-encoding of the same MAC (other unused base64 bits, a
        // leading zero in the expiry) is another text, so a link has one spelling only.
        if (!MessageDigest.isEqual(mac(customerId, expiry), signature)
                || !MessageDigest.isEqual(sign(new PaymentLink(customerId, Instant.ofEpochSecond(expiry)))
                        .getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new PaymentLinkRejected("the link's signature does not match: it was altered or not issued by us", false);
        }
        Instant expiresAt = Instant.ofEpochSecond(expiry);
        if (!now.isBefore(expiresAt)) {
            throw new PaymentLinkRejected("the link expired at " + expiresAt + "; ask for a new one", true);
        }
        return new PaymentLink(customerId, expiresAt);
    }

    private byte[] mac(String customerId, long expiry) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            // The version prefix and separators keep ("a", 12) and ("a1", 2) from ever signing the same bytes.
            return mac.doFinal(("relance-payment-link-v1\n" + customerId + "\n" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
