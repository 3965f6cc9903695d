package io.relance.notification.provider;

import io.relance.notification.domain.PostalAddress;
import io.relance.notification.domain.SendResult;
import io.smallrye.mutiny.Uni;

/**
 * A printing and posting service (hybrid mail). Implementations pass {@code idempotencyKey} on, so that a
 * repeated call for the same delivery returns the first letter's reference and tracking number.
 */
public interface PostalProvider {

    /** A registered letter's answer carries its tracking number. */
    Uni<SendResult> post(String idempotencyKey, byte[] pdf, PostalAddress address, boolean registered);
}
