package io.relance.dunning.domain;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One statement to a customer at one step: every invoice of that customer in one currency that reached the step.
 *
 * @param reminderId derived from its content, so that two evaluations of the same facts name the same reminder
 * @param responseDeadline the date by which the debtor must pay; null when the step sets none
 */
public record Reminder(UUID reminderId, String customerId, String policyId, int policyVersion, int stepIndex,
                       PolicyStep step, List<Channel> channels, LocalDate businessDate, Currency currency,
                       List<ReminderLine> lines, LocalDate responseDeadline) {

    public Reminder {
        lines = List.copyOf(lines);
        channels = List.copyOf(channels);
    }

    static Reminder of(String customerId, Policy policy, int stepIndex, LocalDate businessDate, Currency currency,
                       List<ReminderLine> lines, LocalDate responseDeadline) {
        List<ReminderLine> sorted = lines.stream()
                .sorted(Comparator.comparing(ReminderLine::dueDate).thenComparing(ReminderLine::invoiceNumber))
                .toList();
        String identity = customerId + '|' + policy.id() + '|' + policy.version() + '|' + stepIndex + '|'
                + businessDate + '|' + currency + '|'
                + sorted.stream().map(l -> l.invoiceId().toString()).sorted().collect(Collectors.joining(","));
        UUID id = UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
        PolicyStep step = policy.step(stepIndex);
        return new Reminder(id, customerId, policy.id(), policy.version(), stepIndex, step, step.channels(),
                businessDate, currency, sorted, responseDeadline);
    }

    /** The same statement sent again on other channels, under its own id (a letter after a bounced e-mail). */
    public Reminder resentOn(List<Channel> otherChannels) {
        UUID id = UUID.nameUUIDFromBytes((reminderId + "|resent|" + otherChannels)
                .getBytes(StandardCharsets.UTF_8));
        return new Reminder(id, customerId, policyId, policyVersion, stepIndex, step, otherChannels, businessDate,
                currency, lines, responseDeadline);
    }

    public Money totalOpen() {
        return lines.stream().map(ReminderLine::amountOpen).reduce(Money.zero(currency), Money::plus);
    }

    /** Sum of the lines' late interest; null when the step claims none. */
    public Money totalLateInterest() {
        return sum(lines.stream().map(ReminderLine::lateInterest).filter(Objects::nonNull).toList());
    }

    /** Sum of the lines' indemnities; null when the step claims none. */
    public Money totalRecoveryIndemnity() {
        return sum(lines.stream().map(ReminderLine::recoveryIndemnity).filter(Objects::nonNull).toList());
    }

    private static Money sum(List<Money> amounts) {
        return amounts.isEmpty() ? null : amounts.stream().reduce(Money::plus).orElseThrow();
    }
}
