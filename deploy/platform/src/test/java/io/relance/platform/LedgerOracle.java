package io.relance.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a replay of the public ledger must leave behind, computed from the CSV without the replay's reader, the
 * platform's KPI code or its dunning code: the expectations are written again here, from DESIGN.md and the
 * services' READMEs. {@link LedgerReplayIT} checks the whole ledger against it, {@link FaultSuiteIT} a first part.
 */
final class LedgerOracle {

    static final Path CSV = Path.of(System.getProperty("relance.root")).resolve("deploy/datasets/ibm-accounts-receivable.csv");
    /** The default French B2B policy: offsets from the due date; steps 0, 1, 2 and 4 send an e-mail, 3 is a phone task. */
    private static final int[] OFFSETS = {-3, 7, 21, 30, 45, 60};
    private static final Set<Integer> EMAIL_STEPS = Set.of(0, 1, 2, 4);
    private static final BigDecimal HAND_OVER_MINIMUM = new BigDecimal("1000.00");

    /** One line of the CSV, read here without the replay's own reader. */
    record Row(String customer, String number, LocalDate issued, LocalDate due, BigDecimal amount, boolean disputed,
               LocalDate settled) {

        LocalDate disputeOpened() {
            return settled.isAfter(due) ? due : issued;
        }

        /** The day dunning stops for it: its payment, or its dispute when opened before. */
        LocalDate dunningStops() {
            return disputed() && disputeOpened().isBefore(settled()) ? disputeOpened() : settled();
        }
    }

    /** The KPIs of one day and window. */
    record Expected(BigDecimal receivables, BigDecimal dso, BigDecimal daysToPay, BigDecimal daysLate,
                    BigDecimal disputeRate) {
    }

    private final List<Row> rows;

    private LedgerOracle(List<Row> rows) {
        this.rows = rows;
    }

    /** The whole public ledger. */
    static LedgerOracle wholeLedger() {
        return new LedgerOracle(readCsv());
    }

    /** The invoices of the public ledger settled by {@code lastDay}: a ledger whose every invoice ends paid by then. */
    static LedgerOracle settledBy(LocalDate lastDay) {
        return new LedgerOracle(readCsv().stream().filter(row -> !row.settled().isAfter(lastDay)).toList());
    }

    List<Row> rows() {
        return rows;
    }

    /** The reminders dunning-service must request: "customer|step|day" to the invoice numbers it covers. */
    Map<String, Set<String>> reminders() {
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Row row : rows) {
            LocalDate stop = row.dunningStops();
            for (int step = 0; step < OFFSETS.length; step++) {
                LocalDate day = onOrAfterBusinessDay(row.due().plusDays(OFFSETS[step]));
                boolean reminds = step != 5 || row.amount().compareTo(HAND_OVER_MINIMUM) >= 0;
                if (day.isBefore(stop) && reminds) {
                    expected.computeIfAbsent(row.customer() + "|" + step + "|" + day, k -> new TreeSet<>()).add(row.number());
                }
            }
        }
        return expected;
    }

    /** The e-mails each customer must receive on the days from {@code from} to {@code to}: one per e-mail step and day. */
    Map<String, Integer> emailsPerCustomer(LocalDate from, LocalDate to) {
        Map<String, Integer> expectedPerCustomer = new TreeMap<>();
        Set<String> groups = new HashSet<>();
        for (Row row : rows) {
            LocalDate stop = row.dunningStops();
            for (int step : EMAIL_STEPS) {
                LocalDate day = onOrAfterBusinessDay(row.due().plusDays(OFFSETS[step]));
                if (day.isBefore(stop) && !day.isBefore(from) && !day.isAfter(to)
                        && groups.add(row.customer() + "|" + step + "|" + day)) {
                    expectedPerCustomer.merge(row.customer(), 1, Integer::sum);
                }
            }
        }
        return expectedPerCustomer;
    }

    /** The KPIs as the design defines them: as of the end of day t, over the N days after t−N up to t. */
    Expected kpisAt(LocalDate t, int window) {
        LocalDate start = t.minusDays(window);
        BigDecimal receivables = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;
        long issuedInWindow = 0;
        long disputedInWindow = 0;
        long paid = 0;
        long daysToPay = 0;
        long daysLate = 0;
        for (Row row : rows) {
            if (!row.issued().isAfter(t) && row.settled().isAfter(t)) {
                receivables = receivables.add(row.amount());
            }
            boolean issuedInW = row.issued().isAfter(start) && !row.issued().isAfter(t);
            if (issuedInW) {
                invoiced = invoiced.add(row.amount());
                issuedInWindow++;
                if (row.disputed() && !row.disputeOpened().isAfter(t)) {
                    disputedInWindow++;
                }
            }
            if (row.settled().isAfter(start) && !row.settled().isAfter(t)) {
                paid++;
                daysToPay += ChronoUnit.DAYS.between(row.issued(), row.settled());
                daysLate += Math.max(0, ChronoUnit.DAYS.between(row.due(), row.settled()));
            }
        }
        BigDecimal dso = invoiced.signum() == 0 ? null
                : receivables.multiply(BigDecimal.valueOf(window)).divide(invoiced, 2, RoundingMode.HALF_UP);
        return new Expected(receivables, dso,
                paid == 0 ? null : BigDecimal.valueOf(daysToPay).divide(BigDecimal.valueOf(paid), 2, RoundingMode.HALF_UP),
                paid == 0 ? null : BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(paid), 2, RoundingMode.HALF_UP),
                issuedInWindow == 0 ? null : BigDecimal.valueOf(disputedInWindow * 100)
                        .divide(BigDecimal.valueOf(issuedInWindow), 2, RoundingMode.HALF_UP));
    }

    /** French business days: no weekend, none of the eleven public holidays (Easter by Gauss's method). */
    static LocalDate onOrAfterBusinessDay(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || isHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isHoliday(LocalDate day) {
        Set<MonthDay> fixed = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
                MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));
        if (fixed.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easter(day.getYear());
        return day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39)) || day.equals(easter.plusDays(50));
    }

    private static LocalDate easter(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        int march = 22 + d + e;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, 4, 18);
        }
        return march <= 31 ? LocalDate.of(year, 3, march) : LocalDate.of(year, 4, march - 31);
    }

    private static List<Row> readCsv() {
        List<String> lines;
        try {
            lines = Files.readAllLines(CSV, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CSV, e);
        }
        List<String> header = List.of(lines.get(0).split(","));
        List<Row> read = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            read.add(new Row(cells[header.indexOf("customerID")], cells[header.indexOf("invoiceNumber")],
                    usDate(cells[header.indexOf("InvoiceDate")]), usDate(cells[header.indexOf("DueDate")]),
                    new BigDecimal(cells[header.indexOf("InvoiceAmount")]).setScale(2, RoundingMode.UNNECESSARY),
                    cells[header.indexOf("Disputed")].equals("Yes"), usDate(cells[header.indexOf("SettledDate")])));
        }
        return read;
    }

    private static LocalDate usDate(String text) {
        String[] parts = text.split("/");
        return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }
}
