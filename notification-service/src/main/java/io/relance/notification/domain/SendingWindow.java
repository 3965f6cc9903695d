package io.relance.notification.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When debtors may be written to: from {@code opens} to {@code closes}, local time in {@code zone}, on business
 * days (Monday to Friday, French public holidays excluded). Messages outside it wait for the next opening.
 */
public record SendingWindow(ZoneId zone, LocalTime opens, LocalTime closes) {

    public SendingWindow {
        if (!opens.isBefore(closes)) {
            throw new IllegalArgumentException("the window must open before it closes: " + opens + " / " + closes);
        }
    }

    public boolean isOpen(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalTime time = local.toLocalTime();
        return isBusinessDay(local.toLocalDate()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    /** The instant itself when open, else the next opening. */
    public Instant nextOpening(Instant instant) {
        if (isOpen(instant)) {
            return instant;
        }
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalDate();
        if (!isBusinessDay(day) || !local.toLocalTime().isBefore(opens)) {
            day = day.plusDays(1);
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day.atTime(opens).atZone(zone).toInstant();
    }

    public static boolean isBusinessDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !FrenchPublicHolidays.isHoliday(date);
    }
}
