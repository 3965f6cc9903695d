package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the invoices, dunning cases and reminders of one segment and currency add to the KPI sums on one business
 * day: changes of the running balances ({@link Money#RECEIVABLES} and the like, summed over every day up to a date)
 * and facts dated that day (revenue, payments, ...), summed over the days of a window. A fact dated this day that
 * only counts from a later day on (a dispute opened after the invoice's issue, a payment in full later undone) is
 * kept under {@link #later()}. Sums, so the days of any set of customers add up, and a customer's old part can be
 * taken off exactly when its facts change.
 */
public final class DaySums {

    /** Amounts. */
    public enum Money {
        /** Change of the open balance. */
        RECEIVABLES,
        /** Change of the open balance past its due date. */
        OVERDUE,
        /** Change of the open balance due by the day (due date reached): the overdue balance at a window's start. */
        DUE_BALANCE,
        AGING_NOT_DUE,
        AGING_1_30,
        AGING_31_60,
        AGING_61_90,
        AGING_OVER_90,
        /** Amount of the invoices issued this day. */
        REVENUE,
        /** Open balance, on their due date, of the invoices due this day. */
        BALANCE_AT_DUE,
        COLLECTED,
        /** Collected on invoices past their due date. */
        RECOVERED,
        WRITTEN_OFF,
        DUNNING_COST,
        PAYMENT_AMOUNT_DAYS,
        PAID_AMOUNT;

        static Money aging(AgingBucket bucket) {
            return values()[AGING_NOT_DUE.ordinal() + bucket.ordinal()];
        }
    }

    /** Counts. */
    public enum Count {
        /** Change of the number of dunning cases started and not closed. */
        OPEN_CASES,
        INVOICES_ISSUED,
        INVOICES_DISPUTED,
        INVOICES_PAID,
        PAYMENT_DAYS,
        DAYS_LATE,
        /** Dunning cases closed this day. */
        CASES_CLOSED,
        CASES_CLOSED_PAID
    }

    private static final Money[] MONEY = Money.values();
    private static final Count[] COUNT = Count.values();

    /** Null where zero. */
    private final BigDecimal[] money = new BigDecimal[MONEY.length];
    private final long[] counts = new long[COUNT.length];
    /** Null while empty, as on most days: queries read thousands of days. */
    private Map<String, Long> remindersByChannel;
    private NavigableMap<LocalDate, DaySums> later;

    public BigDecimal money(Money field) {
        BigDecimal value = money[field.ordinal()];
        return value == null ? BigDecimal.ZERO : value;
    }

    public long count(Count field) {
        return counts[field.ordinal()];
    }

    /** Reminder deliveries per channel. */
    public Map<String, Long> remindersByChannel() {
        return remindersByChannel == null ? Map.of() : remindersByChannel;
    }

    public boolean hasReminders() {
        return remindersByChannel != null && !remindersByChannel.isEmpty();
    }

    /** Facts of this day that count only from the day of their key on. */
    public NavigableMap<LocalDate, DaySums> later() {
        return later == null ? Collections.emptyNavigableMap() : later;
    }

    public boolean hasLater() {
        return later != null && !later.isEmpty();
    }

    public DaySums add(Money field, BigDecimal amount) {
        if (amount.signum() != 0) {
            BigDecimal sum = money[field.ordinal()] == null ? amount : money[field.ordinal()].add(amount);
            money[field.ordinal()] = sum.signum() == 0 ? null : sum;
        }
        return this;
    }

    public DaySums add(Count field, long count) {
        counts[field.ordinal()] += count;
        return this;
    }

    public DaySums addReminders(String channel, long count) {
        if (count == 0) {
            return this;
        }
        if (remindersByChannel == null) {
            remindersByChannel = new TreeMap<>();
        }
        if (remindersByChannel.merge(channel, count, Long::sum) == 0) {
            remindersByChannel.remove(channel);
        }
        return this;
    }

    /** The facts of this day that count from {@code from} on. */
    public DaySums countedFrom(LocalDate from) {
        if (later == null) {
            later = new TreeMap<>();
        }
        return later.computeIfAbsent(from, day -> new DaySums());
    }

    /** Adds {@code sign} (1 or -1) times {@code other}. */
    public DaySums add(DaySums other, int sign) {
        BigDecimal factor = BigDecimal.valueOf(sign);
        for (Money field : MONEY) {
            BigDecimal value = other.money[field.ordinal()];
            if (value != null) {
                add(field, sign == 1 ? value : value.multiply(factor));
            }
        }
        for (int i = 0; i < counts.length; i++) {
            counts[i] += sign * other.counts[i];
        }
        other.remindersByChannel().forEach((channel, count) -> addReminders(channel, sign * count));
        other.later().forEach((from, facts) -> {
            DaySums mine = countedFrom(from).add(facts, sign);
            if (mine.isZero()) {
                later.remove(from);
            }
        });
        return this;
    }

    /** True when this day adds nothing to any sum. */
    public boolean isZero() {
        for (BigDecimal value : money) {
            if (value != null) {
                return false;
            }
        }
        for (long count : counts) {
            if (count != 0) {
                return false;
            }
        }
        return !hasReminders() && (later == null || later.values().stream().allMatch(DaySums::isZero));
    }
}
