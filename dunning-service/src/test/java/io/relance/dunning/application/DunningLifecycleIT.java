package io.relance.dunning.application;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.delivery.Inbox;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.testing.Facts;
import io.relance.dunning.testing.KafkaProbe;
import io.relance.dunning.testing.KafkaProbe.Published;
import io.relance.dunning.testing.OnVertx;
import io.relance.dunning.testing.TestClock;
import io.relance.servers.RelanceServersTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Facts consumed from Kafka, steps taken by the sweep, events published through the outbox: the real thing. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class DunningLifecycleIT {

    private static final String REQUESTED = EventType.REMINDER_REQUESTED_V1.ceType();
    private static final String CLOSED = EventType.DUNNING_CASE_CLOSED_V1.ceType();
    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    private static final LocalDate FIRST_REMINDER_DAY = LocalDate.of(2026, 3, 9);

    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;
    @Inject
    TestClock clock;
    @Inject
    SweepDueActions sweep;
    @Inject
    DunningStore store;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProbe kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaProbe(bootstrapServers, mapper);
        clock.setToday(FIRST_REMINDER_DAY);
    }

    @Test
    void oneStatementListsTheCustomersInvoicesWithTheirOpenAmountsAndIsNeverRequestedTwice() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued first = Facts.invoice(customer, "F-1", DUE, "1000.00");
        InvoiceIssued second = Facts.invoice(customer, "F-2", DUE, "200.00");
        kafka.publish(first);
        kafka.publish(second);
        kafka.publish(Facts.payment(first, "300.00", DUE.plusDays(3)));
        awaitPaid(first, "300.00");
        awaitCase(second);
        double emailsBefore = registry.find("relance.reminders.requested").tag("channel", "EMAIL").counter().count();

        sweepOn(FIRST_REMINDER_DAY);
        sweepOn(FIRST_REMINDER_DAY);

        assertThat(registry.find("relance.reminders.requested").tag("channel", "EMAIL").counter().count())
                .isGreaterThanOrEqualTo(emailsBefore + 1);
        JsonNode reminder = kafka.readUntil(Topics.DUNNING_EVENTS, customer, r -> count(r, REQUESTED) >= 1,
                Duration.ofSeconds(30)).stream().filter(r -> r.ceType().equals(REQUESTED)).findFirst()
                .orElseThrow().value();
        assertThat(reminder.get("stepIndex").asInt()).isEqualTo(1);
        assertThat(reminder.get("totalOpen").asText()).isEqualTo("900.00");
        assertThat(reminder.get("invoices")).hasSize(2);
        assertThat(reminder.get("invoices").get(0).get("amountOpen").asText()).isEqualTo("700.00");
        assertThat(count(kafka.readFor(Topics.DUNNING_EVENTS, customer, Duration.ofSeconds(3)), REQUESTED))
                .isEqualTo(1);
    }

    @Test
    void fullPaymentClosesTheCase() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = Facts.invoice(customer, "F-1", DUE, "450.00");
        kafka.publish(invoice);
        kafka.publish(Facts.payment(invoice, "450.00", DUE.plusDays(1)));

        JsonNode closed = kafka.readUntil(Topics.DUNNING_EVENTS, customer, r -> count(r, CLOSED) == 1,
                Duration.ofSeconds(30)).get(0).value();
        assertThat(closed.get("reason").asText()).isEqualTo("PAID");
        assertThat(closed.get("amountRecovered").asText()).isEqualTo("450.00");
        assertThat(closed.get("invoiceId").asText()).isEqualTo(invoice.invoiceId().toString());
    }

    @Test
    void aRedeliveredPaymentIsCountedOnce() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = Facts.invoice(customer, "F-1", DUE, "1000.00");
        PaymentReceived payment = Facts.payment(invoice, "100.00", DUE);
        kafka.publish(invoice);
        kafka.publish(payment);
        kafka.publish(payment);
        kafka.publish(Facts.payment(invoice, "1.00", DUE));

        awaitPaid(invoice, "101.00");
    }

    @Test
    void anInvoiceArrivingLateGetsOneFormalNoticeWithItsCharges() {
        LocalDate dayFifty = LocalDate.of(2026, 4, 21);
        clock.setToday(dayFifty);
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = Facts.invoice(customer, "F-1", DUE, "10000.00");
        kafka.publish(invoice);
        awaitCase(invoice);

        sweepOn(dayFifty);

        List<Published> records = kafka.readUntil(Topics.DUNNING_EVENTS, customer, r -> count(r, REQUESTED) >= 1,
                Duration.ofSeconds(30));
        JsonNode notice = records.get(0).value();
        assertThat(notice.get("stepIndex").asInt()).isEqualTo(4);
        assertThat(notice.get("tone").asText()).isEqualTo("FORMAL");
        assertThat(notice.get("totalRecoveryIndemnity").asText()).isEqualTo("40.00");
        assertThat(new BigDecimal(notice.get("totalLateInterest").asText())).isPositive();
        assertThat(count(kafka.readFor(Topics.DUNNING_EVENTS, customer, Duration.ofSeconds(3)), REQUESTED))
                .isEqualTo(1);
    }

    @Test
    void aBouncedEmailIsSentAgainAsALetter() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = Facts.invoice(customer, "F-1", DUE, "300.00");
        kafka.publish(invoice);
        awaitCase(invoice);
        sweepOn(FIRST_REMINDER_DAY);
        JsonNode email = kafka.readUntil(Topics.DUNNING_EVENTS, customer, r -> count(r, REQUESTED) == 1,
                Duration.ofSeconds(30)).get(0).value();

        kafka.publish(Facts.emailBounced(customer, UUID.fromString(email.get("reminderId").asText())));

        List<Published> both = kafka.readUntil(Topics.DUNNING_EVENTS, customer, r -> count(r, REQUESTED) == 2,
                Duration.ofSeconds(30));
        JsonNode letter = both.get(1).value();
        assertThat(letter.get("channels").get(0).asText()).isEqualTo("LETTER");
        assertThat(letter.get("channels")).hasSize(1);
        assertThat(letter.get("reminderId").asText()).isNotEqualTo(email.get("reminderId").asText());
        assertThat(letter.get("totalOpen").asText()).isEqualTo("300.00");
    }

    @Test
    void insolvencyClosesEveryOpenCaseOfTheCustomer() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = Facts.invoice(customer, "F-1", DUE, "300.00");
        kafka.publish(invoice);
        awaitCase(invoice);

        kafka.publish(Facts.insolvent(customer, LocalDate.of(2026, 3, 5)));

        JsonNode closed = kafka.readUntil(Topics.DUNNING_EVENTS, customer, r -> count(r, CLOSED) == 1,
                Duration.ofSeconds(30)).get(0).value();
        assertThat(closed.get("reason").asText()).isEqualTo("INSOLVENCY");
        assertThat(caseOf(invoice).orElseThrow().claimDeclarationDeadline()).contains(LocalDate.of(2026, 5, 5));
    }

    @Test
    void invoicesAndPaymentsOfAPollAreAppliedInOneTransactionWithoutFallingBackOneByOne() {
        List<InvoiceIssued> invoices = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String customer = "C-" + UUID.randomUUID();
            for (int i = 1; i <= 5; i++) {
                invoices.add(Facts.invoice(customer, "F-" + i, DUE, i + "00.00"));
            }
        }
        // A payment before its invoice, in the same poll as an issue, and a payment that settles one in full.
        InvoiceIssued early = Facts.invoice("C-" + UUID.randomUUID(), "F-EARLY", DUE, "80.00");
        double fallbacksBefore = batches(Topics.INVOICE_EVENTS, "fallback") + batches(Topics.PAYMENT_EVENTS, "fallback");

        kafka.publishTogether(List.of(Facts.payment(early, "30.00", DUE), Facts.payment(invoices.get(0), "100.00", DUE)));
        List<InvoiceIssued> issued = new ArrayList<>(invoices);
        issued.add(early);
        kafka.publishTogether(issued);

        issued.forEach(this::awaitCase);
        awaitPaid(early, "30.00");
        awaitPaid(invoices.get(0), "100.00");
        assertThat(batches(Topics.INVOICE_EVENTS, "fallback") + batches(Topics.PAYMENT_EVENTS, "fallback"))
                .as("no batch rolled back and went one by one").isEqualTo(fallbacksBefore);
        // One transaction per poll, where one by one would take nineteen; a record batch is fetched whole, so the
        // four customers' partitions (three) may at worst come in three polls.
        assertThat(transactionsThatLastWrote(invoices.subList(1, invoices.size())))
                .as("transactions that wrote the cases only the invoices touched").isLessThanOrEqualTo(3);
        assertThat(caseOf(invoices.get(0)).orElseThrow().isClosed()).isTrue();
        assertThat(kafka.readUntil(Topics.DUNNING_EVENTS, invoices.get(0).customerId(), r -> count(r, CLOSED) == 1,
                Duration.ofSeconds(30)).get(0).value().get("reason").asText()).isEqualTo("PAID");
        for (InvoiceIssued invoice : issued) {
            assertThat(scheduledOn(invoice.customerId())).as("every customer of the poll is scheduled").isPresent();
        }
    }

    private double batches(String topic, String outcome) {
        return registry.find(Inbox.BATCHES).tag("topic", topic).tag("outcome", outcome).counter().count();
    }

    private long transactionsThatLastWrote(List<InvoiceIssued> invoices) {
        return OnVertx.inTransaction(vertx, session -> session.createNativeQuery(
                        "SELECT count(DISTINCT xmin::text) FROM dunning_case WHERE invoice_id = ANY(CAST(?1 AS uuid[]))",
                        Long.class)
                .setParameter(1, invoices.stream().map(InvoiceIssued::invoiceId).toArray(UUID[]::new))
                .getSingleResult());
    }

    private Optional<LocalDate> scheduledOn(String customer) {
        return OnVertx.inTransaction(vertx, session -> session.createNativeQuery(
                        "SELECT due_on FROM scheduled_action WHERE customer_id = ?1", LocalDate.class)
                .setParameter(1, customer).getResultList().map(list -> list.stream().findFirst()));
    }

    private void sweepOn(LocalDate day) {
        OnVertx.await(vertx, () -> sweep.sweep(day));
    }

    private void awaitPaid(InvoiceIssued invoice, String paid) {
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(invoice)
                .map(c -> c.paid().amount().compareTo(new BigDecimal(paid)) == 0).orElse(false));
    }

    private void awaitCase(InvoiceIssued invoice) {
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(invoice).map(DunningCase::isIssued).orElse(false));
    }

    private Optional<DunningCase> caseOf(InvoiceIssued invoice) {
        return OnVertx.inTransaction(vertx, session -> store.caseOf(session, invoice.invoiceId()));
    }

    private static long count(List<Published> records, String ceType) {
        return records.stream().filter(r -> ceType.equals(r.ceType())).count();
    }
}
