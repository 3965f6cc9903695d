package io.relance.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InFlightBudgetTest {

    @Test
    void requestsAreTakenUpToTheBoundAndTheNextIsRefusedWithoutBeingCounted() {
        InFlightBudget budget = new InFlightBudget(2, 1000);

        assertThat(budget.take(0)).isEqualTo(InFlightBudget.Admission.TAKEN);
        assertThat(budget.take(0)).isEqualTo(InFlightBudget.Admission.TAKEN);
        assertThat(budget.take(0)).isEqualTo(InFlightBudget.Admission.TOO_MANY_REQUESTS);
        assertThat(budget.requests()).isEqualTo(2);

        budget.release(0);
        assertThat(budget.take(0)).isEqualTo(InFlightBudget.Admission.TAKEN);
    }

    @Test
    void bodiesAreTakenUpToTheByteBoundAndARefusedBodyLeavesNothingHeld() {
        InFlightBudget budget = new InFlightBudget(10, 1000);

        assertThat(budget.take(600)).isEqualTo(InFlightBudget.Admission.TAKEN);
        assertThat(budget.take(600)).isEqualTo(InFlightBudget.Admission.TOO_MANY_BYTES);
        assertThat(budget.requests()).isEqualTo(1);
        assertThat(budget.bytes()).isEqualTo(600);
        assertThat(budget.take(400)).isEqualTo(InFlightBudget.Admission.TAKEN);

        budget.release(600);
        budget.release(400);
        assertThat(budget.requests()).isZero();
        assertThat(budget.bytes()).isZero();
    }

    @Test
    void aBodyLargerThanTheByteBoundIsTakenWhenNothingElseIsHeldSoThatItCanEverPass() {
        InFlightBudget budget = new InFlightBudget(10, 1000);

        assertThat(budget.take(5000)).isEqualTo(InFlightBudget.Admission.TAKEN);
        assertThat(budget.take(1)).isEqualTo(InFlightBudget.Admission.TOO_MANY_BYTES);
    }

    @Test
    void boundsMustBePositive() {
        assertThatThrownBy(() -> new InFlightBudget(0, 1000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InFlightBudget(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
