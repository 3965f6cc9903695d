package io.relance.kpi.messaging;

import io.relance.contracts.RelanceEvent;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.ClosureReason;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.kpi.application.KpiQuery;
import io.relance.kpi.domain.AgingBucket;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.KpiCalculator;
import io.relance.kpi.domain.Kpis;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random event logs (issues, partial payments, reversals, credit notes, disputes, write-offs, cancellations,
 * reminders), delivered with duplicates and in shuffled order: the topology's figures equal those of the plain
 * batch computation of {@link BatchKpis} over the same log, at several dates and every window. Each log comes from
 * a seed, so a failing one is reproduced by its seed alone. The figures are read as the service reads them, from
 * the day sums; they are also compared with a fold of every ledger, the computation the day sums replace.
 */
class TopologyMatchesBatchTest {

    private static final LocalDate ORIGIN = LocalDate.parse("2026-01-01");
    private static final List<LocalDate> DATES = List.of(LocalDate.parse("2026-02-28"), LocalDate.parse("2026-04-15"),
            LocalDate.parse("2026-06-30"), LocalDate.parse("2026-09-30"), LocalDate.parse("2027-01-15"));
    /** Windows that begin or end on a month's or a year's last day, in a month, and across a year's end. */
    private static final List<LocalDate> FOLD_DATES = List.of(LocalDate.parse("2025-12-31"), LocalDate.parse("2026-01-20"),
            LocalDate.parse("2026-02-28"), LocalDate.parse("2026-04-15"), LocalDate.parse("2026-05-31"),
            LocalDate.parse("2026-06-30"), LocalDate.parse("2026-09-30"), LocalDate.parse("2026-12-31"),
            LocalDate.parse("2027-01-15"), LocalDate.parse("2027-03-31"));

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theTopologyGivesTheFiguresOfTheBatchComputationWhateverTheDelivery(long seed) {
        Random random = new Random(seed);
        List<RelanceEvent> log = log(random);
        List<RelanceEvent> delivered = new ArrayList<>(log);
        for (int i = random.nextInt(log.size() / 3 + 1); i > 0; i--) {
            delivered.add(log.get(random.nextInt(log.size())));
        }
        Collections.shuffle(delivered, random);
        BatchKpis batch = new BatchKpis(log);

        try (KpiTopologyDriver driver = new KpiTopologyDriver()) {
            delivered.forEach(driver::send);
            for (LocalDate t : DATES) {
                for (int window : List.of(30, 90, 365)) {
                    Kpis streamed = driver.kpis().kpis(new KpiQuery(t, window, "EUR", null)).get("EUR");
                    BatchKpis.Figures expected = batch.figures(t, window);
                    if (streamed == null) {
                        assertThat(expected.receivables().signum()).as("no invoice issued by %s", t).isZero();
                        assertThat(expected.invoicesIssued()).isZero();
                        continue;
                    }
                    assertSame(streamed, expected, t, window);
                }
            }
        }
    }

    /**
     * The same kind of logs, with dunning cases too: after half of the delivery and after all of it, the figures
     * read from the day sums (kept incrementally as ledgers change) equal those of folding every ledger with
     * {@link KpiCalculator}, for every segment, at dates before, inside and after the log, over every window.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theDaySumsGiveTheFiguresOfFoldingEveryLedgerWhateverTheDelivery(long seed) {
        Random random = new Random(seed);
        List<RelanceEvent> log = log(random);
        cases(random, log);
        List<RelanceEvent> delivered = new ArrayList<>(log);
        for (int i = random.nextInt(log.size() / 3 + 1); i > 0; i--) {
            delivered.add(log.get(random.nextInt(log.size())));
        }
        Collections.shuffle(delivered, random);

        try (KpiTopologyDriver driver = new KpiTopologyDriver()) {
            delivered.subList(0, delivered.size() / 2).forEach(driver::send);
            assertDaySumsMatchTheFold(driver);
            delivered.subList(delivered.size() / 2, delivered.size()).forEach(driver::send);
            assertDaySumsMatchTheFold(driver);
        }
    }

    private static void assertDaySumsMatchTheFold(KpiTopologyDriver driver) {
        List<CustomerLedger> ledgers = driver.ledgers();
        List<String> segments = new ArrayList<>(Arrays.stream(Segment.values()).map(Segment::name).toList());
        segments.add(null);
        for (LocalDate t : FOLD_DATES) {
            for (int window : List.of(30, 90, 365)) {
                for (String segment : segments) {
                    Map<String, Kpis> folded = new TreeMap<>();
                    new KpiCalculator(t, window).totals(ledgers.stream()
                                    .filter(l -> segment == null || segment.equals(l.segment())).toList())
                            .forEach((currency, totals) -> folded.put(currency, Kpis.of(totals, t, window)));
                    assertThat(driver.kpis().kpis(new KpiQuery(t, window, null, segment)))
                            .as("segment %s as of %s over %d days", segment, t, window)
                            .usingRecursiveComparison()
                            .withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                            .isEqualTo(folded);
                }
            }
        }
    }

    /** Dunning cases on some of the log's invoices: escalated, some closed (paid or not), some on two invoices. */
    private static void cases(Random random, List<RelanceEvent> log) {
        List<InvoiceIssued> invoices = log.stream().filter(InvoiceIssued.class::isInstance).map(InvoiceIssued.class::cast).toList();
        for (InvoiceIssued invoice : invoices) {
            if (random.nextInt(3) != 0) {
                continue;
            }
            UUID dunningCase = UUID.randomUUID();
            List<InvoiceIssued> chased = new ArrayList<>(List.of(invoice));
            invoices.stream().filter(other -> other != invoice && other.customerId().equals(invoice.customerId()))
                    .filter(other -> random.nextInt(4) == 0).findFirst().ifPresent(chased::add);
            for (InvoiceIssued one : chased) {
                LocalDate escalated = one.dueDate().plusDays(random.nextInt(40));
                log.add(Events.escalated(one.customerId(), dunningCase, one.invoiceId(), escalated.toString()));
                if (random.nextBoolean()) {
                    log.add(Events.closed(one.customerId(), dunningCase, one.invoiceId(),
                            escalated.plusDays(random.nextInt(60) - 5).toString(),
                            ClosureReason.values()[random.nextInt(ClosureReason.values().length)]));
                }
            }
        }
    }

    private static void assertSame(Kpis streamed, BatchKpis.Figures expected, LocalDate t, int window) {
        String at = "as of " + t + " over " + window + " days";
        assertThat(streamed.receivables()).as("receivables " + at).isEqualByComparingTo(expected.receivables());
        assertThat(streamed.overdueReceivables()).as("overdue " + at).isEqualByComparingTo(expected.overdue());
        assertThat(streamed.revenue()).as("revenue " + at).isEqualByComparingTo(expected.revenue());
        assertThat(streamed.collected()).as("collected " + at).isEqualByComparingTo(expected.collected());
        assertThat(streamed.recovered()).as("recovered " + at).isEqualByComparingTo(expected.recovered());
        assertThat(streamed.writtenOff()).as("written off " + at).isEqualByComparingTo(expected.writtenOff());
        assertThat(streamed.dunningCost()).as("dunning cost " + at).isEqualByComparingTo(expected.dunningCost());
        assertThat(streamed.invoicesIssued()).as("issued " + at).isEqualTo(expected.invoicesIssued());
        assertThat(streamed.invoicesDisputed()).as("disputed " + at).isEqualTo(expected.invoicesDisputed());
        assertThat(streamed.invoicesPaid()).as("paid " + at).isEqualTo(expected.invoicesPaid());
        List<BigDecimal> aging = Arrays.stream(AgingBucket.values()).map(b -> streamed.aging().get(b)).toList();
        for (int i = 0; i < aging.size(); i++) {
            assertThat(aging.get(i)).as("aging " + AgingBucket.values()[i].label() + " " + at)
                    .isEqualByComparingTo(expected.aging().get(i));
        }
        BigDecimal owed = expected.openingReceivables().add(expected.revenue());
        assertThat(streamed.dsoAccounting()).as("DSO " + at).isEqualTo(Kpis.dso(expected.receivables(), expected.revenue(), window));
        assertThat(streamed.collectionRate()).as("collection rate " + at).isEqualTo(Kpis.percent(expected.collected(), owed));
        assertThat(streamed.recoveryRate()).as("recovery rate " + at)
                .isEqualTo(Kpis.percent(expected.recovered(), expected.overdueOverWindow()));
        assertThat(streamed.badDebtRate()).as("bad-debt rate " + at).isEqualTo(Kpis.percent(expected.writtenOff(), owed));
        assertThat(streamed.disputeRate()).as("dispute rate " + at).isEqualTo(Kpis.percent(
                BigDecimal.valueOf(expected.invoicesDisputed()), BigDecimal.valueOf(expected.invoicesIssued())));
        assertThat(streamed.costOfCollection()).as("cost of collection " + at)
                .isEqualTo(Kpis.percent(expected.dunningCost(), expected.recovered()));
        assertThat(streamed.averagePaymentDays()).as("average payment days " + at).isEqualTo(expected.invoicesPaid() == 0 ? null
                : BigDecimal.valueOf(expected.paymentDays()).divide(BigDecimal.valueOf(expected.invoicesPaid()), 2, RoundingMode.HALF_UP));
    }

    /** A random ledger of 1 to 3 customers with up to 6 invoices each, and everything that can happen to them. */
    private static List<RelanceEvent> log(Random random) {
        List<RelanceEvent> log = new ArrayList<>();
        for (int c = random.nextInt(3); c >= 0; c--) {
            String customer = "C-" + c;
            log.add(Events.profile(customer, Segment.values()[random.nextInt(Segment.values().length)]));
            for (int i = random.nextInt(6); i >= 0; i--) {
                invoice(random, customer, log);
            }
            for (int r = random.nextInt(4); r > 0; r--) {
                log.add(Events.reminderSent(customer, day(random, 0, 270), Channel.values()[random.nextInt(Channel.values().length)],
                        cents(random, 0, 500)));
            }
        }
        return log;
    }

    private static void invoice(Random random, String customer, List<RelanceEvent> log) {
        UUID invoice = UUID.randomUUID();
        int issuedOn = random.nextInt(200);
        long amount = 100 + random.nextInt(1_000_000);
        log.add(Events.issued(customer, invoice, day(issuedOn), day(issuedOn + 30), cents(amount)));
        long left = amount;
        for (int p = random.nextInt(4); p > 0 && left > 0; p--) {
            long part = 1 + (long) (random.nextDouble() * left);
            left -= part;
            String on = day(issuedOn + random.nextInt(120));
            log.add(Events.paid(customer, invoice, on, cents(part)));
            if (random.nextInt(8) == 0) {
                log.add(Events.reversed(customer, invoice, day(LocalDate.parse(on), random.nextInt(10)), cents(part)));
                left += part;
            }
        }
        if (random.nextInt(5) == 0) {
            log.add(Events.credited(customer, invoice, day(issuedOn + random.nextInt(90)), cents(1 + amount / 4)));
        }
        if (random.nextInt(3) == 0) {
            UUID dispute = UUID.randomUUID();
            int openedOn = issuedOn + random.nextInt(40);
            log.add(Events.disputeOpened(customer, invoice, dispute, day(openedOn)));
            if (random.nextBoolean()) {
                log.add(Events.disputeResolved(customer, invoice, dispute, day(openedOn + random.nextInt(30))));
            }
        }
        if (random.nextInt(10) == 0) {
            log.add(Events.writtenOff(customer, invoice, day(issuedOn + 60 + random.nextInt(90)), cents(1 + amount / 2)));
        } else if (random.nextInt(20) == 0) {
            log.add(Events.cancelled(customer, invoice, day(issuedOn + random.nextInt(30)), cents(amount / 3)));
        }
    }

    private static String day(int daysAfterOrigin) {
        return ORIGIN.plusDays(daysAfterOrigin).toString();
    }

    private static String day(Random random, int from, int to) {
        return day(from + random.nextInt(to - from));
    }

    private static String day(LocalDate date, int plus) {
        return date.plusDays(plus).toString();
    }

    private static String cents(long cents) {
        return BigDecimal.valueOf(cents, 2).toPlainString();
    }

    private static String cents(Random random, int from, int to) {
        return cents(from + random.nextInt(to - from));
    }
}
