package io.relance.dunning.domain;

import java.time.LocalDate;

/** January–June (half 1) or July–December (half 2) of a year: French late-payment rates change by half-year. */
public record HalfYear(int year, int half) implements Comparable<HalfYear> {

    public HalfYear {
        if (half != 1 && half != 2) {
            throw new DunningRuleViolation("half", "must be 1 or 2");
        }
    }

    public static HalfYear of(LocalDate date) {
        return new HalfYear(date.getYear(), date.getMonthValue() <= 6 ? 1 : 2);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, half == 1 ? 1 : 7, 1);
    }

    public HalfYear next() {
        return half == 1 ? new HalfYear(year, 2) : new HalfYear(year + 1, 1);
    }

    @Override
    public int compareTo(HalfYear other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(half, other.half);
    }

    @Override
    public String toString() {
        return year + "-H" + half;
    }
}
