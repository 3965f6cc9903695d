package io.relance.platform.replay;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The KPIs kpi-service answers at the end of each year of a replay and at its last day, as a table. */
public final class KpiSummary {

    /** One row: the figures of one currency as of one date over a window. */
    public record Row(LocalDate asOf, int window, JsonNode figures) {

        String text(String field) {
            JsonNode value = figures.path(field);
            return value.isMissingNode() || value.isNull() ? "—" : value.asText();
        }
    }

    private final List<Row> rows;

    private KpiSummary(List<Row> rows) {
        this.rows = rows;
    }

    /** Reads kpi-service's figures over 365 days at every 31 December of the replay and at its last day. */
    public static KpiSummary read(PlatformClient client, LocalDate first, LocalDate last, String currency) {
        List<LocalDate> dates = new ArrayList<>();
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            LocalDate yearEnd = LocalDate.of(year, 12, 31);
            if (yearEnd.isBefore(last)) {
                dates.add(yearEnd);
            }
        }
        dates.add(last);
        List<Row> rows = new ArrayList<>();
        for (LocalDate asOf : dates) {
            JsonNode answer = client.get("kpi-service", "/kpis?asOf=" + asOf + "&window=365&currency=" + currency);
            for (JsonNode figures : answer.path("figures")) {
                rows.add(new Row(asOf, 365, figures));
            }
        }
        return new KpiSummary(rows);
    }

    public void print(PrintStream out) {
        String format = "  %-11s %8s %12s %11s %7s %8s %8s %9s %9s %9s %8s%n";
        out.printf(Locale.ROOT, format, "as of", "invoices", "revenue", "receivables", "DSO", "to pay", "late",
                "disputed", "collected", "cost", "reminders");
        out.printf(Locale.ROOT, format, "(365 days)", "issued", "", "", "days", "days", "days", "%", "%", "%", "sent");
        for (Row row : rows) {
            long reminders = 0;
            for (JsonNode count : row.figures().path("remindersSentByChannel")) {
                reminders += count.asLong();
            }
            out.printf(Locale.ROOT, format, row.asOf(), row.text("invoicesIssued"), row.text("revenue") + " " + row.text("currency"),
                    row.text("receivables"), row.text("dsoDays"), row.text("averagePaymentDays"),
                    row.text("averageDaysLate"), row.text("disputeRatePercent"), row.text("collectionRatePercent"),
                    row.text("costOfCollectionPercent"), reminders);
        }
    }
}
