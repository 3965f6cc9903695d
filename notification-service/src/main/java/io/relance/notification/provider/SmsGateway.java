package io.relance.notification.provider;

import io.relance.notification.domain.SendResult;
import io.smallrye.mutiny.Uni;

/**
 * An SMS provider. Implementations pass {@code idempotencyKey} to the provider so that a repeated call for the
 * same delivery (after a crash mid-attempt) is answered with the first message's reference, not sent again.
 */
public interface SmsGateway {

    Uni<SendResult> send(String idempotencyKey, String phoneNumber, String text);
}
