package io.relance.kpi.messaging;

import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.Topics;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.kpi.application.KpiQuery;
import io.relance.kpi.domain.Kpis;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.relance.kpi.messaging.Events.disputeOpened;
import static io.relance.kpi.messaging.Events.disputeResolved;
import static io.relance.kpi.messaging.Events.issued;
import static io.relance.kpi.messaging.Events.paid;
import static org.assertj.core.api.Assertions.assertThat;

/** The topology over every event topic: the worked examples of DESIGN.md from events, duplicates, reordering. */
class KpiTopologyTest {

    private static final LocalDate MARCH_31 = LocalDate.parse("2026-03-31");

    private final KpiTopologyDriver driver = new KpiTopologyDriver();

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void dsoFromEventsIs30000Over400000Times40DaysThat3Days() {
        UUID invoice = UUID.randomUUID();
        driver.send(issued("C-1", invoice, "2026-03-01", "2026-03-31", "400000.00"));
        driver.send(paid("C-1", invoice, "2026-03-20", "370000.00"));

        assertThat(eur(MARCH_31, 40).dsoAccounting()).isEqualByComparingTo("3.00");
    }

    @Test
    void recoveryRateFromEventsIs8000RecoveredOf10000OverdueThat80Percent() {
        UUID invoice = UUID.randomUUID();
        driver.send(issued("C-1", invoice, "2026-01-01", "2026-01-31", "10000.00"));
        driver.send(paid("C-1", invoice, "2026-03-15", "8000.00"));

        assertThat(eur(MARCH_31, 30).recoveryRate()).isEqualByComparingTo("80.00");
    }

    @Test
    void collectionRateFromEventsIs7000CollectedOf16000OwedThat43Point75Percent() {
        UUID old = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        driver.send(issued("C-1", old, "2026-01-10", "2026-04-10", "10000.00"));
        driver.send(issued("C-2", fresh, "2026-03-10", "2026-04-09", "6000.00"));
        driver.send(paid("C-1", old, "2026-03-12", "5000.00"));
        driver.send(paid("C-2", fresh, "2026-03-20", "2000.00"));

        assertThat(eur(MARCH_31, 30).collectionRate()).isEqualByComparingTo("43.75");
    }

    @Test
    void costOfCollectionFromEventsIs5000SpentFor10000RecoveredThat50Percent() {
        UUID invoice = UUID.randomUUID();
        driver.send(issued("C-1", invoice, "2026-01-01", "2026-01-31", "12000.00"));
        driver.send(paid("C-1", invoice, "2026-03-10", "10000.00"));
        driver.send(Events.reminderSent("C-1", "2026-03-05", Channel.REGISTERED_LETTER, "1000.00"));
        driver.send(Events.reminderSent("C-1", "2026-03-06", Channel.COLLECTION_AGENCY, "4000.00"));

        assertThat(eur(MARCH_31, 30).costOfCollection()).isEqualByComparingTo("50.00");
    }

    @Test
    void everyEventDeliveredTwiceGivesTheFiguresOfEachDeliveredOnce() {
        List<RelanceEvent> log = sampleLog();
        log.forEach(driver::send);
        Map<String, Kpis> once = driver.kpis().kpis(new KpiQuery(MARCH_31, 90, null, null));
        log.forEach(driver::send);

        assertThat(driver.kpis().kpis(new KpiQuery(MARCH_31, 90, null, null))).isEqualTo(once);
        // Ids older than the retention behind stream time are forgotten and re-applied (the ledger absorbs them).
        assertThat(consumed("applied") + consumed("duplicate")).isEqualTo(2 * log.size());
        assertThat(consumed("duplicate")).isPositive();
    }

    @Test
    void eventsArrivingInReverseOrderGiveTheFiguresOfEventsInOrder() {
        List<RelanceEvent> log = sampleLog();
        log.forEach(driver::send);
        Map<String, Kpis> inOrder = driver.kpis().kpis(new KpiQuery(MARCH_31, 90, null, null));

        try (KpiTopologyDriver reversed = new KpiTopologyDriver()) {
            List<RelanceEvent> backwards = new ArrayList<>(log);
            java.util.Collections.reverse(backwards);
            backwards.forEach(reversed::send);
            assertThat(reversed.kpis().kpis(new KpiQuery(MARCH_31, 90, null, null))).isEqualTo(inOrder);
        }
        assertThat(inOrder.get("EUR").receivables()).isEqualByComparingTo("900.00");
        assertThat(inOrder.get("EUR").disputeRate()).isEqualByComparingTo("50.00");
    }

    @Test
    void anEventIdIsForgottenOnceBusinessTimeIsPastTheRetentionAndItsRedeliveryStillCountsOnce() {
        UUID invoice = UUID.randomUUID();
        PaymentReceived payment = paid("C-1", invoice, "2026-01-10", "400.00");
        driver.send(issued("C-1", invoice, "2026-01-01", "2026-01-31", "1000.00"));
        driver.send(payment);
        String id = payment.eventId().toString();
        long at = payment.occurredAt().toEpochMilli();
        assertThat(driver.seenEvents().fetch(id, at)).isEqualTo(at);

        // 64 days of business time later: past the 30 days of retention and the 15-day segment the id was in.
        driver.send(issued("C-1", UUID.randomUUID(), "2026-03-15", "2026-04-14", "10.00"));
        assertThat(driver.seenEvents().fetch(id, at)).isNull();

        driver.send(payment);
        assertThat(eur(MARCH_31, 30).receivables()).isEqualByComparingTo("610.00");
        assertThat(driver.seenEvents().fetch(id, at)).as("too old to be remembered again").isNull();
    }

    @Test
    void aSegmentQueryCountsOnlyTheCustomersOfThatSegmentAndAnErasedProfileLeavesIt() {
        driver.send(Events.profile("C-1", Segment.RISKY));
        driver.send(Events.profile("C-2", Segment.REGULAR));
        driver.send(issued("C-1", UUID.randomUUID(), "2026-03-01", "2026-03-31", "100.00"));
        driver.send(issued("C-2", UUID.randomUUID(), "2026-03-01", "2026-03-31", "900.00"));

        assertThat(driver.kpis().kpis(new KpiQuery(MARCH_31, 30, null, "RISKY")).get("EUR").receivables())
                .isEqualByComparingTo("100.00");

        driver.send(Topics.CUSTOMER_PROFILES, "C-1", null, null);
        assertThat(driver.kpis().kpis(new KpiQuery(MARCH_31, 30, null, "RISKY"))).isEmpty();
        assertThat(driver.kpis().kpis(new KpiQuery(MARCH_31, 30, null, null)).get("EUR").receivables())
                .isEqualByComparingTo("1000.00");
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsCounted() {
        driver.send(Topics.INVOICE_EVENTS, "C-9", "{oops".getBytes(StandardCharsets.UTF_8), EventType.INVOICE_ISSUED_V1.ceType());
        driver.send(issued("C-9", UUID.randomUUID(), "2026-03-01", "2026-03-31", "10.00"));

        TestRecord<String, byte[]> dead = driver.deadLetters().readRecord();
        assertThat(reason(dead)).startsWith("payload is not a valid relance.invoice.issued.v1");
        assertThat(dead.key()).isEqualTo("C-9");
        assertThat(driver.kpis().receivablesSoFar().get("EUR")).isEqualByComparingTo("10.00");
        assertThat(driver.registry().get("relance.dead.letters").tag("reason", "undecodable").counter().count()).isEqualTo(1);
    }

    @Test
    void anEventKeyedByAnotherThanItsCustomerIsDeadLetteredNotCounted() throws Exception {
        InvoiceIssued event = issued("C-1", UUID.randomUUID(), "2026-03-01", "2026-03-31", "10.00");
        driver.send(Topics.INVOICE_EVENTS, "C-2", KpiTopologyDriver.MAPPER.writeValueAsBytes(event),
                EventType.INVOICE_ISSUED_V1.ceType());

        assertThat(reason(driver.deadLetters().readRecord())).contains("is not the event's customerId");
        assertThat(driver.kpis().receivablesSoFar()).isEmpty();
    }

    @Test
    void anEventDatedOutsideTheYears1900To9998IsDeadLetteredAndItsCurrencyStillAnswers() {
        UUID invoice = UUID.randomUUID();
        driver.send(issued("C-1", invoice, "2026-03-01", "2026-03-31", "100.00"));
        // Keyed as they are, these dates would sort outside the 4-digit yyyy-MM-dd order of the day sums' keys.
        driver.send(issued("C-1", UUID.randomUUID(), "2026-03-02", "+10000-01-01", "50.00"));
        driver.send(paid("C-1", invoice, "0999-12-31", "30.00"));
        driver.send(Events.reminderSent("C-1", "+10000-01-01", Channel.EMAIL, "1.00"));

        assertThat(driver.deadLetters().readRecordsToList()).map(KpiTopologyTest::reason).containsExactly(
                "dueDate must be between 1900-01-01 and 9998-12-31, was +10000-01-01",
                "valueDate must be between 1900-01-01 and 9998-12-31, was 0999-12-31",
                "occurredAt must fall on a UTC day between 1900-01-01 and 9998-12-31, was +10000-01-01T12:00:00Z");
        assertThat(eur(MARCH_31, 30).receivables()).isEqualByComparingTo("100.00");
        assertThat(driver.kpis().kpis(new KpiQuery(MARCH_31, 365, null, null)).get("EUR").receivables())
                .isEqualByComparingTo("100.00");
        assertThat(driver.kpis().receivablesSoFar().get("EUR")).isEqualByComparingTo("100.00");
    }

    @Test
    void aRecordWithoutTypeIsDeadLettered() {
        driver.send(Topics.PAYMENT_EVENTS, "C-1", "{}".getBytes(StandardCharsets.UTF_8), null);

        assertThat(reason(driver.deadLetters().readRecord())).isEqualTo("missing header " + CloudEventHeaders.TYPE);
    }

    /** Two customers, four invoices, a payment, a credit note, a dispute opened and resolved, a write-off. */
    private static List<RelanceEvent> sampleLog() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UUID d = UUID.randomUUID();
        UUID dispute = UUID.randomUUID();
        return List.of(
                issued("C-1", a, "2026-02-01", "2026-03-03", "500.00"),
                issued("C-1", b, "2026-02-15", "2026-03-17", "300.00"),
                issued("C-2", c, "2026-03-01", "2026-03-31", "200.00"),
                issued("C-2", d, "2026-03-05", "2026-04-04", "400.00"),
                paid("C-1", a, "2026-03-10", "200.00"),
                Events.credited("C-1", b, "2026-03-12", "100.00"),
                disputeOpened("C-2", c, dispute, "2026-03-15"),
                disputeOpened("C-2", d, UUID.randomUUID(), "2026-03-16"),
                disputeResolved("C-2", c, dispute, "2026-03-20"),
                Events.writtenOff("C-2", c, "2026-03-25", "200.00"));
    }

    private Kpis eur(LocalDate asOf, int window) {
        return driver.kpis().kpis(new KpiQuery(asOf, window, "EUR", null)).get("EUR");
    }

    private static String reason(TestRecord<String, byte[]> dead) {
        return new String(dead.headers().lastHeader(CloudEventHeaders.DEAD_LETTER_REASON).value(), StandardCharsets.UTF_8);
    }

    private double consumed(String outcome) {
        return driver.registry().find("relance.events.consumed").tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }
}
