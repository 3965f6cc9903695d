package io.relance.dunning.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.Channel;
import io.relance.dunning.domain.ReminderLine;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.StoredReminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The calls collectors have to make, most urgent first (amount open × days overdue), and their outcomes. */
@ApplicationScoped
public class CollectorWorklist {

    /** What a call came to. */
    public enum CallOutcome {
        REACHED,
        PROMISE_TO_PAY,
        DISPUTE,
        NO_ANSWER
    }

    /** One call to make. */
    public record Task(UUID reminderId, String customerId, LocalDate requestedFor, BigDecimal totalOpen,
                       String currency, long daysOverdue, BigDecimal priority, List<String> invoiceNumbers) {
    }

    private static final int MAX_TASKS = 1000;

    private final DunningStore store;
    private final BusinessClock clock;

    CollectorWorklist(DunningStore store, BusinessClock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Uni<List<Task>> phoneTasks() {
        LocalDate today = clock.today();
        return Panache.withSession(() -> Panache.getSession().chain(session -> store.openPhoneTasks(session, MAX_TASKS)))
                .map(stored -> stored.stream().map(s -> task(s, today))
                        .sorted(Comparator.comparing(Task::priority).reversed().thenComparing(Task::customerId))
                        .toList());
    }

    /** Records the call; a promise or a dispute is then recorded through its own command or event. */
    public Uni<Boolean> recordCall(UUID reminderId, CallOutcome outcome) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> store.recordOutcome(session,
                reminderId, outcome == CallOutcome.NO_ANSWER ? StoredReminder.Outcome.FAILED
                        : StoredReminder.Outcome.SENT, Channel.PHONE_TASK.name(), outcome.name(), clock.now())));
    }

    private static Task task(StoredReminder stored, LocalDate today) {
        var reminder = stored.reminder();
        long daysOverdue = reminder.lines().stream()
                .mapToLong(l -> Math.max(0, ChronoUnit.DAYS.between(l.dueDate(), today))).max().orElse(0);
        BigDecimal open = reminder.totalOpen().amount();
        return new Task(reminder.reminderId(), reminder.customerId(), reminder.businessDate(), open,
                reminder.currency().getCurrencyCode(), daysOverdue, open.multiply(BigDecimal.valueOf(daysOverdue)),
                reminder.lines().stream().map(ReminderLine::invoiceNumber).toList());
    }
}
