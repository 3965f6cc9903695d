package io.relance.notification.provider;

import io.relance.notification.domain.PostalAddress;
import io.relance.notification.domain.SendResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Accepts every letter to a complete address without posting it. References and tracking numbers are derived
 * from the idempotency key, so the same letter always gets the same ones, as from a real provider.
 */
@ApplicationScoped
public class SandboxPostalProvider implements PostalProvider {

    @Override
    public Uni<SendResult> post(String idempotencyKey, byte[] pdf, PostalAddress address, boolean registered) {
        if (address.lines().isEmpty() || address.city() == null || address.city().isBlank()) {
            return Uni.createFrom().item(new SendResult.Permanent("incomplete postal address", true));
        }
        String reference = "sbx-letter-" + idempotencyKey;
        return Uni.createFrom().item(new SendResult.Accepted(reference, registered ? trackingNumber(idempotencyKey) : null));
    }

    /** The shape of a French registered-letter number: two letters, eleven digits. */
    static String trackingNumber(String idempotencyKey) {
        UUID hash = UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        long digits = Math.floorMod(hash.getMostSignificantBits() ^ hash.getLeastSignificantBits(), 100_000_000_000L);
        return "1A" + String.format("%011d", digits);
    }
}
