package io.relance.delivery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @Test
    void aPoisonEventAnywhereInTheCausesIsARejection() {
        RuntimeException wrapped = new RuntimeException("effect failed", new PoisonEventException("invoice unknown"));

        assertThat(Failures.reasonClass(wrapped)).isEqualTo(DeadLetters.ReasonClass.REJECTED);
        assertThat(Failures.reason(wrapped)).isEqualTo("invoice unknown");
    }

    @Test
    void anyOtherFailureThatOutlivedItsAttemptsIsAFailure() {
        assertThat(Failures.reasonClass(new IllegalStateException("this effect always fails")))
                .isEqualTo(DeadLetters.ReasonClass.FAILED);
    }
}
