package io.relance.kpi.api;

import io.relance.contracts.customer.Segment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the query parameters of the KPI endpoints, naming the parameter and its rule when one is wrong. */
final class QueryParameters {

    /** The rolling windows the KPIs are kept for, in days. */
    static final Set<Integer> WINDOWS = Set.of(30, 90, 365);
    static final int DEFAULT_WINDOW = 30;
    /** Beyond this many points a history is refused: each point is a pass over the ledgers. */
    static final int MAX_POINTS = 400;
    /** Business dates outside these are refused: a window or series step from the calendar's ends would overflow. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private static final Set<String> SEGMENTS = Arrays.stream(Segment.values()).map(Enum::name).collect(Collectors.toSet());

    private QueryParameters() {
    }

    static LocalDate date(String name, String value, LocalDate whenAbsent) {
        if (value == null || value.isBlank()) {
            if (whenAbsent == null) {
                throw new BadParameterException(name, "is required");
            }
            return whenAbsent;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameterException(name, "must be an ISO-8601 date (yyyy-MM-dd), got '" + value + "'");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new BadParameterException(name, "must be between " + EARLIEST + " and " + LATEST + ", got " + date);
        }
        return date;
    }

    static int window(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_WINDOW;
        }
        try {
            int days = Integer.parseInt(value);
            if (WINDOWS.contains(days)) {
                return days;
            }
        } catch (NumberFormatException e) {
            // Reported below with the same rule as an unsupported number.
        }
        throw new BadParameterException("window", "must be one of 30, 90, 365 (days), got '" + value + "'");
    }

    static String currency(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.matches("[A-Z]{3}")) {
            throw new BadParameterException("currency", "must be an ISO-4217 code of three capital letters, got '" + value + "'");
        }
        return value;
    }

    static String segment(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SEGMENTS.contains(value)) {
            throw new BadParameterException("segment", "must be one of " + SEGMENTS.stream().sorted().toList() + ", got '" + value + "'");
        }
        return value;
    }

    /** The days of a series from {@code from} to {@code to}, {@code step} apart (a month step keeps month ends). */
    static List<LocalDate> series(LocalDate from, LocalDate to, String step) {
        if (to.isBefore(from)) {
            throw new BadParameterException("to", "must not be before from (" + from + "), got " + to);
        }
        String unit = step == null || step.isBlank() ? "month" : step;
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; ; i++) {
            LocalDate day = switch (unit) {
                case "day" -> from.plusDays(i);
                case "week" -> from.plusWeeks(i);
                case "month" -> from.plusMonths(i);
                default -> throw new BadParameterException("step", "must be one of day, week, month, got '" + step + "'");
            };
            if (day.isAfter(to)) {
                return days;
            }
            if (days.size() == MAX_POINTS) {
                throw new BadParameterException("to", "gives more than " + MAX_POINTS + " points at a step of one " + unit);
            }
            days.add(day);
        }
    }
}
