package io.relance.kpi.api;

import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.LedgerBook;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DunningCase;
import io.relance.kpi.domain.Issue;
import io.relance.kpi.domain.Movement;
import io.relance.kpi.domain.ReminderDelivery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Grafana dashboard reads only metrics the service publishes, under the names Prometheus scrapes. */
class DashboardMetricsTest {

    private static final Path DASHBOARD = Path.of("../deploy/grafana/dashboards/collections-overview.json");

    @Test
    void everyMetricOfTheCollectionsOverviewDashboardIsScrapedFromTheService() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new KpiGauges(new LedgerBook(List.of(busyCustomer())).kpis(ComputeKpis.noPeers()),
                Clock.fixed(Instant.parse("2026-03-31T18:00:00Z"), ZoneOffset.UTC), registry).refresh();
        String scrape = registry.scrape();

        Set<String> used = new TreeSet<>();
        Matcher metric = Pattern.compile("relance_kpi_[a-z_]+(?=\\{)").matcher(Files.readString(DASHBOARD));
        while (metric.find()) {
            used.add(metric.group());
        }
        assertThat(used).hasSizeGreaterThan(10);
        assertThat(used).allSatisfy(name -> assertThat(scrape).contains(name + "{"));
    }

    /** A customer with something in every KPI over the 30 days to 2026-03-31. */
    private static CustomerLedger busyCustomer() {
        CustomerLedger ledger = CustomerLedger.empty("C-1").withSegment("REGULAR");
        ledger.invoiceIssued("I-1", new Issue(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), new BigDecimal("1000.00"), "EUR"));
        ledger.moved("I-1", "P-1", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-10"), new BigDecimal("400.00")));
        ledger.moved("I-1", "W-1", new Movement(Movement.Kind.WRITE_OFF, LocalDate.parse("2026-03-20"), new BigDecimal("100.00")));
        ledger.invoiceIssued("I-2", new Issue(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-04-04"), new BigDecimal("300.00"), "EUR"));
        ledger.moved("I-2", "P-2", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-25"), new BigDecimal("300.00")));
        ledger.invoiceIssued("I-3", new Issue(LocalDate.parse("2026-03-20"), LocalDate.parse("2026-04-19"), new BigDecimal("50.00"), "EUR"));
        ledger.disputeOpened("I-3", "D-1", LocalDate.parse("2026-03-25"));
        ledger.dunningEscalated("K-1", Set.of("I-1"), LocalDate.parse("2026-02-07"));
        ledger.dunningClosed("K-1", "I-1", new DunningCase.Closure(LocalDate.parse("2026-03-20"), true, "EUR"));
        ledger.reminderSent("S-1", new ReminderDelivery(LocalDate.parse("2026-03-01"), "EMAIL", new BigDecimal("0.05"), "EUR"));
        return ledger;
    }
}
