package io.relance.dunning.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Business days in metropolitan France: no weekends and none of the eleven public holidays of the Code du
 * travail (L3133-1); Alsace-Moselle's two extra days are not observed.
 */
public final class FrenchBusinessCalendar {

    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
            MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));

    public boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !isPublicHoliday(date);
    }

    public boolean isPublicHoliday(LocalDate date) {
        if (FIXED_HOLIDAYS.contains(MonthDay.from(date))) {
            return true;
        }
        LocalDate easter = easterSunday(date.getYear());
        return date.equals(easter.plusDays(1)) || date.equals(easter.plusDays(39)) || date.equals(easter.plusDays(50));
    }

    /** The date itself when it is a business day, else the next one. */
    public LocalDate onOrAfter(LocalDate date) {
        LocalDate day = date;
        while (!isBusinessDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    /** Gregorian Easter Sunday by the anonymous (Meeus/Jones/Butcher) algorithm. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, day);
    }
}
