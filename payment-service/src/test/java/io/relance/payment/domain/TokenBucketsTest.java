package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-05-04T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final TokenBuckets buckets = new TokenBuckets(3, Duration.ofSeconds(2), 2, clock);

    @Test
    void aKeyMayMakeItsBurstThenWaitsForTheNextToken() {
        assertThat(buckets.take("link-a")).isZero();
        assertThat(buckets.take("link-a")).isZero();
        assertThat(buckets.take("link-a")).isZero();

        assertThat(buckets.take("link-a")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void tokensComeBackWithTimeButNeverBeyondTheBurst() {
        for (int i = 0; i < 3; i++) {
            buckets.take("link-a");
        }
        clock.now = clock.now.plusSeconds(2);
        assertThat(buckets.take("link-a")).isZero();
        assertThat(buckets.take("link-a")).isPositive();

        clock.now = clock.now.plusSeconds(3600);
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("link-a")).isZero();
        }
        assertThat(buckets.take("link-a")).isPositive();
    }

    @Test
    void oneKeySpendingItsBurstLeavesAnotherKeyUntouched() {
        for (int i = 0; i < 3; i++) {
            buckets.take("link-a");
        }

        assertThat(buckets.take("link-a")).isPositive();
        assertThat(buckets.take("link-b")).isZero();
    }

    @Test
    void beyondTheKeyLimitTheLeastRecentlyUsedKeyIsForgottenAndStartsFull() {
        for (int i = 0; i < 3; i++) {
            buckets.take("link-a");
        }
        buckets.take("link-b");
        buckets.take("link-c");

        assertThat(buckets.take("link-a")).isZero();
    }
}
