package io.relance.notification.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeliveryTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private final RetryPolicy retry = new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(10), 3);

    @Test
    void theSameReminderAndChannelAlwaysNameTheSameDelivery() {
        UUID reminder = UUID.randomUUID();
        assertThat(Delivery.idFor(reminder, Channel.EMAIL)).isEqualTo(Delivery.idFor(reminder, Channel.EMAIL))
                .isNotEqualTo(Delivery.idFor(reminder, Channel.SMS));
    }

    @Test
    void anAttemptInFlightIsNotDueAgainUntilItsLeaseRunsOut() {
        Delivery delivery = Delivery.requested(UUID.randomUUID(), "C-1", Channel.EMAIL, NOW);
        delivery.startAttempt("a@b.example", NOW, LEASE);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENDING);
        assertThat(delivery.isDue(NOW.plusSeconds(60))).isFalse();
        assertThat(delivery.isDue(NOW.plus(LEASE))).as("interrupted by a crash: repeated").isTrue();
        delivery.startAttempt("a@b.example", NOW.plus(LEASE), LEASE);
        assertThat(delivery.attempts()).isEqualTo(2);
    }

    @Test
    void aSentDeliveryIsFinalAndCannotBeSentAgain() {
        Delivery delivery = Delivery.requested(UUID.randomUUID(), "C-1", Channel.SMS, NOW);
        delivery.startAttempt("+33612345678", NOW, LEASE);
        delivery.sent("ref-1", null, new BigDecimal("0.07"), "EUR");

        assertThat(delivery.isDue(NOW.plus(Duration.ofDays(1)))).isFalse();
        assertThatThrownBy(() -> delivery.startAttempt("+33612345678", NOW, LEASE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> delivery.failedPermanently("late bounce")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void transientFailuresBackOffThenGiveUpAfterTheLastAttempt() {
        Delivery delivery = Delivery.requested(UUID.randomUUID(), "C-1", Channel.EMAIL, NOW);
        delivery.startAttempt("a@b.example", NOW, LEASE);
        delivery.failedTransiently("421 try later", retry, NOW);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(delivery.nextAttemptAt()).isEqualTo(NOW.plus(Duration.ofMinutes(1)));

        Instant second = NOW.plus(Duration.ofMinutes(1));
        delivery.startAttempt("a@b.example", second, LEASE);
        delivery.failedTransiently("421 try later", retry, second);
        assertThat(delivery.nextAttemptAt()).isEqualTo(second.plus(Duration.ofMinutes(2)));

        Instant third = second.plus(Duration.ofMinutes(2));
        delivery.startAttempt("a@b.example", third, LEASE);
        delivery.failedTransiently("421 try later", retry, third);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.failureReason()).isEqualTo("gave up after 3 attempts: 421 try later");
    }

    @Test
    void theBackOffDoublesUpToItsCap() {
        assertThat(retry.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retry.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(retry.delayAfter(9)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void postponingForQuietHoursSpendsNoAttempt() {
        Delivery delivery = Delivery.requested(UUID.randomUUID(), "C-1", Channel.EMAIL, NOW);
        delivery.postponeUntil(NOW.plus(Duration.ofHours(10)));

        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.isDue(NOW.plus(Duration.ofHours(9)))).isFalse();
        assertThat(delivery.isDue(NOW.plus(Duration.ofHours(10)))).isTrue();
    }
}
