package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyTest {

    @Test
    void theDefaultFrenchPolicyHasTheSixStepsOfTheDesign() {
        Policy policy = FrenchB2bPolicy.create();

        assertThat(policy.steps()).extracting(PolicyStep::offsetDays).containsExactly(-3, 7, 21, 30, 45, 60);
        assertThat(policy.step(2).channels()).containsExactly(Channel.EMAIL, Channel.SMS);
        assertThat(policy.step(3).channels()).containsExactly(Channel.PHONE_TASK);
        assertThat(policy.step(4).channels()).containsExactly(Channel.REGISTERED_LETTER, Channel.EMAIL);
        assertThat(policy.step(4).charges()).containsExactlyInAnyOrder(Charge.LATE_INTEREST, Charge.RECOVERY_INDEMNITY);
        assertThat(policy.step(4).tone()).isEqualTo(Tone.FORMAL);
        assertThat(policy.step(5).isHandOver()).isTrue();
        assertThat(policy.step(5).minimumAmount()).isEqualByComparingTo("1000");
        assertThat(policy.sendsOnNonBusinessDays()).isFalse();
    }

    @Test
    void stepsOutOfOrderAreRefusedNamingTheStep() {
        assertThatThrownBy(() -> policyOf(step(7), step(-3)))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("steps[1].offsetDays");
                    assertThat(e.rule()).contains("in order");
                });
    }

    @Test
    void twoStepsOnTheSameOffsetAreRefused() {
        assertThatThrownBy(() -> policyOf(step(7), step(7)))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("steps[1].offsetDays");
                    assertThat(e.rule()).contains("used twice");
                });
    }

    @Test
    void aStepWithoutChannelIsRefused() {
        PolicyStep silent = new PolicyStep("silent", 7, List.of(), "t", Tone.FIRM, null, Set.of(), null);
        assertThatThrownBy(() -> policyOf(silent))
                .isInstanceOfSatisfying(DunningRuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("steps[0].channels"));
    }

    @Test
    void aPolicyWithoutStepsIsRefused() {
        assertThatThrownBy(() -> new Policy("p", 1, "empty", List.of(), false))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("steps"));
    }

    @Test
    void theStepReachedIsTheLastWhoseBusinessDayHasCome() {
        FrenchBusinessCalendar calendar = new FrenchBusinessCalendar();
        Policy policy = FrenchB2bPolicy.create();
        LocalDate due = LocalDate.of(2026, 3, 2);

        assertThat(policy.stepReachedOn(due.minusDays(4), due, calendar)).isEqualTo(-1);
        assertThat(policy.stepReachedOn(due, due, calendar)).isZero();
        assertThat(policy.stepReachedOn(due.plusDays(50), due, calendar)).isEqualTo(4);
    }

    @Test
    void aPolicyThatSendsOnNonBusinessDaysKeepsTheCalendarDate() {
        FrenchBusinessCalendar calendar = new FrenchBusinessCalendar();
        LocalDate due = LocalDate.of(2026, 3, 30);
        Policy everyDay = new Policy("p", 1, "every day", List.of(step(7)), true);
        Policy businessDays = new Policy("p", 1, "business days", List.of(step(7)), false);

        assertThat(everyDay.dateOf(0, due, calendar)).isEqualTo(LocalDate.of(2026, 4, 6));
        assertThat(businessDays.dateOf(0, due, calendar)).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    private static Policy policyOf(PolicyStep... steps) {
        return new Policy("p", 1, "test", List.of(steps), false);
    }

    private static PolicyStep step(int offset) {
        return new PolicyStep("s" + offset, offset, List.of(Channel.EMAIL), "t", Tone.FRIENDLY, null, Set.of(), null);
    }
}
