package io.relance.kpi.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.LedgerBook;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.Issue;
import io.relance.kpi.domain.Movement;
import io.relance.kpi.domain.ReminderDelivery;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KpiGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void theGaugesShowTodaysKpisPerCurrencySegmentAndWindowWithTheWholeBookUnderAll() {
        CustomerLedger risky = CustomerLedger.empty("C-1").withSegment("RISKY");
        risky.invoiceIssued("I-1", new Issue(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-01-31"), new BigDecimal("10000.00"), "EUR"));
        risky.moved("I-1", "P-1", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-15"), new BigDecimal("8000.00")));
        risky.reminderSent("S-1", new ReminderDelivery(LocalDate.parse("2026-03-20"), "SMS", new BigDecimal("0.10"), "EUR"));
        CustomerLedger unknown = CustomerLedger.empty("C-2");
        unknown.invoiceIssued("I-2", new Issue(LocalDate.parse("2026-03-30"), LocalDate.parse("2026-04-29"), new BigDecimal("500.00"), "EUR"));
        gauges(List.of(risky, unknown)).refresh();

        assertThat(value("relance.kpi.receivables", "segment", "all")).isEqualTo(2500.0);
        assertThat(value("relance.kpi.receivables", "segment", "RISKY")).isEqualTo(2000.0);
        assertThat(value("relance.kpi.receivables", "segment", "unknown")).isEqualTo(500.0);
        assertThat(registry.get("relance.kpi.recovery.rate.percent")
                .tags("currency", "EUR", "segment", "RISKY", "window", "30").gauge().value()).isEqualTo(80.0);
        assertThat(registry.get("relance.kpi.aging").tags("segment", "all", "bucket", "31-60").gauge().value()).isEqualTo(2000.0);
        assertThat(registry.get("relance.kpi.reminders.sent").tags("channel", "SMS", "window", "30").gauge().value()).isEqualTo(1.0);
        assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .allSatisfy(tag -> assertThat(tag.getKey()).isIn("currency", "segment", "window", "bucket", "channel")));
    }

    @Test
    void anUndefinedRatioIsNotANumberRatherThanAZero() {
        CustomerLedger ledger = CustomerLedger.empty("C-1");
        ledger.invoiceIssued("I-1", new Issue(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-01-31"), new BigDecimal("1.00"), "EUR"));
        gauges(List.of(ledger)).refresh();

        assertThat(registry.find("relance.kpi.dso.days").tags("window", "30").gauges())
                .isNotEmpty().allSatisfy(gauge -> assertThat(gauge.value()).isNaN());
        assertThat(value("relance.kpi.receivables", "segment", "all")).isEqualTo(1.0);
    }

    private double value(String name, String tag, String tagValue) {
        Gauge gauge = registry.get(name).tags("currency", "EUR", tag, tagValue).gauge();
        return gauge.value();
    }

    private KpiGauges gauges(List<CustomerLedger> ledgers) {
        Clock march31 = Clock.fixed(Instant.parse("2026-03-31T18:00:00Z"), ZoneOffset.UTC);
        return new KpiGauges(new LedgerBook(ledgers).kpis(ComputeKpis.noPeers()), march31, registry);
    }
}
