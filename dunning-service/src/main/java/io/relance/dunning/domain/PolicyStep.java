package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One step of a policy.
 *
 * @param offsetDays days from the due date (negative = before it)
 * @param minimumAmount an invoice whose open amount is below it skips the step; null for none
 * @param responseDays days the debtor is given to pay, printed on the notice; null for none
 */
public record PolicyStep(
        String name,
        int offsetDays,
        List<Channel> channels,
        String templateKey,
        Tone tone,
        BigDecimal minimumAmount,
        Set<Charge> charges,
        Integer responseDays) {

    public PolicyStep {
        Objects.requireNonNull(name, "name");
        channels = List.copyOf(Objects.requireNonNull(channels, "channels"));
        Objects.requireNonNull(templateKey, "templateKey");
        Objects.requireNonNull(tone, "tone");
        charges = Set.copyOf(Objects.requireNonNull(charges, "charges"));
    }

    /** The hand-over step gives the case to a collection agency or the legal department instead of reminding. */
    public boolean isHandOver() {
        return channels.contains(Channel.COLLECTION_AGENCY);
    }

    public boolean claims(Charge charge) {
        return charges.contains(charge);
    }
}
