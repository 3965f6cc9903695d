package io.relance.dunning.api;

import io.relance.dunning.domain.Channel;
import io.relance.dunning.domain.Charge;
import io.relance.dunning.domain.PolicyStep;
import io.relance.dunning.domain.Tone;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/** A policy version as ops write it: steps in order of offset. */
public record PolicyRequest(@NotBlank String name, @NotEmpty List<@Valid @NotNull Step> steps,
                            boolean sendsOnNonBusinessDays) {

    /** One step; an unknown channel, tone or charge is refused when the body is read. */
    public record Step(@NotBlank String name, @NotNull Integer offsetDays, @NotEmpty List<@NotNull Channel> channels,
                       @NotBlank String templateKey, @NotNull Tone tone,
                       @Digits(integer = 15, fraction = 6) BigDecimal minimumAmount,
                       Set<@NotNull Charge> charges, Integer responseDays) {

        PolicyStep toDomain() {
            return new PolicyStep(name, offsetDays, channels, templateKey, tone, minimumAmount,
                    charges == null ? Set.of() : charges, responseDays);
        }
    }

    List<PolicyStep> domainSteps() {
        return steps.stream().map(Step::toDomain).toList();
    }
}
