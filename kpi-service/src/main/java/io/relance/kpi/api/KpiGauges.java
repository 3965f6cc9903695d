package io.relance.kpi.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.KpiNotReadyException;
import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.AgingBucket;
import io.relance.kpi.domain.KpiTotals;
import io.relance.kpi.domain.Kpis;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The headline KPIs as Prometheus gauges, {@code relance_kpi_*}, as of today, recomputed from the state stores on
 * a schedule. Tags are low-cardinality only: currency, segment ({@value #ALL} for the whole book, {@value #UNKNOWN}
 * for customers without a profile), window (days), aging bucket, reminder channel; never a customer or invoice id.
 */
@ApplicationScoped
public class KpiGauges {

    static final String ALL = "all";
    static final String UNKNOWN = "unknown";
    static final List<Integer> WINDOWS = List.of(30, 90, 365);

    private static final Logger LOG = Logger.getLogger(KpiGauges.class);

    /** Gauges of a window's KPIs, by name (without the {@code relance.kpi.} prefix). */
    private static final Map<String, Function<Kpis, BigDecimal>> WINDOWED = new LinkedHashMap<>();

    static {
        WINDOWED.put("dso.days", Kpis::dsoAccounting);
        WINDOWED.put("count.back.dso.days", Kpis::dsoCountBack);
        WINDOWED.put("best.possible.dso.days", Kpis::bestPossibleDso);
        WINDOWED.put("average.days.delinquent", Kpis::averageDaysDelinquent);
        WINDOWED.put("average.payment.days", Kpis::averagePaymentDays);
        WINDOWED.put("average.days.late", Kpis::averageDaysLate);
        WINDOWED.put("recovery.rate.percent", Kpis::recoveryRate);
        WINDOWED.put("collection.rate.percent", Kpis::collectionRate);
        WINDOWED.put("activation.rate.percent", Kpis::activationRate);
        WINDOWED.put("dispute.rate.percent", Kpis::disputeRate);
        WINDOWED.put("bad.debt.rate.percent", Kpis::badDebtRate);
        WINDOWED.put("cost.of.collection.percent", Kpis::costOfCollection);
        WINDOWED.put("cost.per.case", Kpis::costPerCase);
        WINDOWED.put("dunning.cost", Kpis::dunningCost);
        WINDOWED.put("collection.effectiveness.index.percent", Kpis::collectionEffectivenessIndex);
    }

    private final ComputeKpis compute;
    private final Clock clock;
    private final Map<String, MultiGauge> gauges = new LinkedHashMap<>();

    KpiGauges(ComputeKpis compute, Clock clock, MeterRegistry registry) {
        this.compute = compute;
        this.clock = clock;
        for (String name : WINDOWED.keySet()) {
            gauges.put(name, MultiGauge.builder("relance.kpi." + name).register(registry));
        }
        gauges.put("receivables", MultiGauge.builder("relance.kpi.receivables")
                .description("Open receivables at the end of today").register(registry));
        gauges.put("overdue.receivables", MultiGauge.builder("relance.kpi.overdue.receivables")
                .description("Receivables past their due date").register(registry));
        gauges.put("aging", MultiGauge.builder("relance.kpi.aging")
                .description("Open balance per aging bucket of days overdue").register(registry));
        gauges.put("reminders.sent", MultiGauge.builder("relance.kpi.reminders.sent")
                .description("Reminder deliveries handed over in the window, per channel").register(registry));
    }

    @Scheduled(every = "${relance.kpi.gauges.refresh}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        LocalDate today = LocalDate.now(clock);
        Map<String, List<MultiGauge.Row<?>>> rows = new LinkedHashMap<>();
        gauges.keySet().forEach(name -> rows.put(name, new ArrayList<>()));
        try {
            for (int window : WINDOWS) {
                Map<String, Map<String, KpiTotals>> bySegment = withAll(compute.bySegment(today, window));
                Map<String, Long> reminders = new TreeMap<>();
                bySegment.forEach((segment, byCurrency) -> byCurrency.forEach((currency, totals) -> {
                    Kpis kpis = compute.figures(storeSegment(segment), currency, totals, today, window);
                    Tags tags = Tags.of("currency", currency, "segment", segment, "window", Integer.toString(window));
                    WINDOWED.forEach((name, figure) -> add(rows.get(name), tags, figure.apply(kpis)));
                    if (window == WINDOWS.get(0)) {
                        Tags book = Tags.of("currency", currency, "segment", segment);
                        add(rows.get("receivables"), book, kpis.receivables());
                        add(rows.get("overdue.receivables"), book, kpis.overdueReceivables());
                        for (AgingBucket bucket : AgingBucket.values()) {
                            add(rows.get("aging"), book.and("bucket", bucket.label()), kpis.aging().get(bucket));
                        }
                    }
                    if (segment.equals(ALL)) {
                        kpis.remindersByChannel().forEach((channel, count) -> reminders.merge(channel, count, Long::sum));
                    }
                }));
                // Every channel has a series, 0 until its first reminder, so dashboards and alerts always find it.
                if (!bySegment.get(ALL).isEmpty()) {
                    for (io.relance.contracts.dunning.Channel channel : io.relance.contracts.dunning.Channel.values()) {
                        reminders.putIfAbsent(channel.name(), 0L);
                    }
                }
                reminders.forEach((channel, count) -> rows.get("reminders.sent").add(
                        MultiGauge.Row.of(Tags.of("channel", channel, "window", Integer.toString(window)), count)));
            }
        } catch (KpiNotReadyException e) {
            LOG.debugf("KPI gauges not refreshed: %s", e.getMessage());
            return;
        }
        rows.forEach((name, list) -> gauges.get(name).register(list, true));
    }

    /** The sums per segment tag, plus {@value #ALL}: every segment merged. */
    private static Map<String, Map<String, KpiTotals>> withAll(Sums sums) {
        Map<String, Map<String, KpiTotals>> tagged = new LinkedHashMap<>();
        sums.bySegment().forEach((segment, byCurrency) ->
                tagged.put(segment.equals(Sums.UNKNOWN_SEGMENT) ? UNKNOWN : segment, byCurrency));
        tagged.put(ALL, sums.select(null));
        return tagged;
    }

    /** The segment of the sums behind a tag: null for the whole book. */
    private static String storeSegment(String tag) {
        return switch (tag) {
            case ALL -> null;
            case UNKNOWN -> Sums.UNKNOWN_SEGMENT;
            default -> tag;
        };
    }

    /** A figure with nothing to divide by is exported as NaN: the series exists, and Grafana shows no value. */
    private static void add(List<MultiGauge.Row<?>> rows, Tags tags, BigDecimal value) {
        rows.add(MultiGauge.Row.of(tags, value == null ? Double.NaN : value));
    }
}
