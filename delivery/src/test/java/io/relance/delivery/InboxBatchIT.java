package io.relance.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.servers.RelanceServersTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The batch form of the inbox (a channel with {@code batch=true}: payments in RecordingConsumer) on the real broker
 * and database: records sent together arrive in one poll and are applied in one transaction.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class InboxBatchIT {

    private static final String DEAD_LETTERS = "delivery-test.dead-letters";

    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProbe kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaProbe(bootstrapServers);
        kafka.createTopic(DEAD_LETTERS);
    }

    @Test
    void eventsSentTogetherAreAppliedOnceEachInOneTransactionInRecordOrderWithoutFallingBack() {
        String first = "C-" + UUID.randomUUID();
        String second = "C-" + UUID.randomUUID();
        List<PaymentReceived> payments = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            payments.add(Events.paymentReceived(first, i + ".00"));
            payments.add(Events.paymentReceived(second, i + ".00"));
        }
        double appliedBefore = batches("applied");
        double fallbacksBefore = batches("fallback");

        kafka.sendTogether(payments.stream().map(p -> KafkaProbe.recordOf(mapper, p)).toList());

        await().atMost(Duration.ofSeconds(30)).until(() -> payments.stream().allMatch(p -> effects(p.eventId()) == 1));
        assertThat(payments).allMatch(p -> effects(p.eventId()) == 1);
        // The rows' inserting transactions: one per poll, where the one-by-one path would take twenty. A record
        // batch is fetched whole, so the two customers' partitions may at worst come in two polls.
        assertThat(transactionsWriting(payments)).isLessThanOrEqualTo(2);
        assertThat(batches("fallback")).isEqualTo(fallbacksBefore);
        assertThat(batches("applied")).isGreaterThan(appliedBefore);
        for (String customer : List.of(first, second)) {
            assertThat(notesInWriteOrder(payments.stream().filter(p -> p.customerId().equals(customer)).toList())).as("each key's events applied in record order")
                    .containsExactly("payment 1.00", "payment 2.00", "payment 3.00", "payment 4.00", "payment 5.00",
                            "payment 6.00", "payment 7.00", "payment 8.00", "payment 9.00", "payment 10.00");
        }
    }

    @Test
    void aDuplicateInsideABatchAndAcrossBatchesIsAppliedOnce() {
        String customer = "C-" + UUID.randomUUID();
        PaymentReceived a = Events.paymentReceived(customer, "11.00");
        PaymentReceived b = Events.paymentReceived(customer, "12.00");
        PaymentReceived c = Events.paymentReceived(customer, "13.00");
        double duplicatesBefore = consumed("duplicate");

        kafka.sendTogether(List.of(KafkaProbe.recordOf(mapper, a), KafkaProbe.recordOf(mapper, b),
                KafkaProbe.recordOf(mapper, a)));
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(b.eventId()) == 1);
        kafka.sendTogether(List.of(KafkaProbe.recordOf(mapper, b), KafkaProbe.recordOf(mapper, c)));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(c.eventId()) == 1);
        assertThat(effects(a.eventId())).isEqualTo(1);
        assertThat(effects(b.eventId())).isEqualTo(1);
        assertThat(consumed("duplicate")).isGreaterThanOrEqualTo(duplicatesBefore + 2);
    }

    @Test
    void anUndecodableRecordInTheMiddleOfABatchIsDeadLetteredAndTheOthersAreAppliedTogether() {
        String customer = "C-" + UUID.randomUUID();
        PaymentReceived before = Events.paymentReceived(customer, "21.00");
        PaymentReceived after = Events.paymentReceived(customer, "22.00");
        double fallbacksBefore = batches("fallback");

        kafka.sendTogether(List.of(KafkaProbe.recordOf(mapper, before),
                KafkaProbe.record(Topics.PAYMENT_EVENTS, customer, "{not json".getBytes(StandardCharsets.UTF_8),
                        Map.of(CloudEventHeaders.TYPE, EventType.PAYMENT_RECEIVED_V1.ceType())),
                KafkaProbe.recordOf(mapper, after)));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after.eventId()) == 1);
        assertThat(effects(before.eventId())).isEqualTo(1);
        ConsumerRecord<String, byte[]> dead = deadLetterOf(customer);
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).startsWith("payload is not JSON");
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_TOPIC)).isEqualTo(Topics.PAYMENT_EVENTS);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(transactionsWriting(List.of(before, after))).isEqualTo(1);
        assertThat(batches("fallback")).isEqualTo(fallbacksBefore);
    }

    @Test
    void aBatchWhoseEffectFailsFallsBackOneByOneSoOnlyTheFailingEventIsDeadLettered() {
        String customer = "C-" + UUID.randomUUID();
        PaymentReceived before = Events.paymentReceived(customer, "31.00");
        PaymentReceived failing = Events.paymentReceived(customer, RecordingConsumer.FAILING_AMOUNT.toPlainString());
        PaymentReceived after = Events.paymentReceived(customer, "32.00");
        double fallbacksBefore = batches("fallback");

        kafka.sendTogether(List.of(KafkaProbe.recordOf(mapper, before), KafkaProbe.recordOf(mapper, failing),
                KafkaProbe.recordOf(mapper, after)));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(after.eventId()) == 1);
        assertThat(effects(before.eventId())).isEqualTo(1);
        assertThat(effects(failing.eventId())).isZero();
        ConsumerRecord<String, byte[]> dead = deadLetterOf(customer);
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.ID)).isEqualTo(failing.eventId().toString());
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).contains("this effect always fails");
        assertThat(batches("fallback")).isGreaterThanOrEqualTo(fallbacksBefore + 1);
    }

    @Test
    void theBatchEffectRunsInTheTraceOfItsFirstRecordSoTheEventsItPublishesContinueIt() {
        String customer = "C-" + UUID.randomUUID();
        PaymentReceived echo = Events.paymentReceived(customer, RecordingConsumer.ECHO_AMOUNT.toPlainString());
        ProducerRecord<String, byte[]> record = KafkaProbe.recordOf(mapper, echo);
        record.headers().add("traceparent",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes(StandardCharsets.UTF_8));

        kafka.sendTogether(List.of(record));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(echo.eventId()) == 1);
        // the relay is off in these tests: the echoed event waits in the outbox with the trace it was written in
        String echoed = OnVertx.await(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT traceparent FROM outbox_event WHERE record_key = ?1", String.class)
                .setParameter(1, customer).getSingleResult())));
        assertThat(echoed).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
    }

    private double batches(String outcome) {
        return registry.find(Inbox.BATCHES).tag("topic", Topics.PAYMENT_EVENTS).tag("outcome", outcome).counter().count();
    }

    private double consumed(String outcome) {
        return registry.find("relance.events.consumed").tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(String customer) {
        return kafka.readUntil(DEAD_LETTERS, records -> records.stream().anyMatch(r -> customer.equals(r.key())),
                        Duration.ofSeconds(30))
                .stream().filter(r -> customer.equals(r.key())).findFirst().orElseThrow();
    }

    private long effects(UUID eventId) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> AppliedEffect.count("eventId", eventId)));
    }

    private long transactionsWriting(List<PaymentReceived> payments) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(DISTINCT xmin::text) FROM applied_effect WHERE event_id = ANY(CAST(?1 AS uuid[]))",
                        Long.class)
                .setParameter(1, payments.stream().map(PaymentReceived::eventId).toArray(UUID[]::new))
                .getSingleResult())));
    }

    private List<String> notesInWriteOrder(List<PaymentReceived> payments) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT note FROM applied_effect WHERE event_id = ANY(CAST(?1 AS uuid[])) ORDER BY id",
                        String.class)
                .setParameter(1, payments.stream().map(PaymentReceived::eventId).toArray(UUID[]::new))
                .getResultList())));
    }
}
