package io.relance.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.servers.RelanceServersTestResource;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The idempotent consumer and the dead-letter topic on the real broker and database. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class InboxIT {

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
    void aRedeliveredEventHasNoSecondEffect() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued event = Events.invoiceIssued(customer, "F-2026-0001");
        InvoiceIssued marker = Events.invoiceIssued(customer, "F-2026-0002");

        double duplicatesBefore = consumed("duplicate");
        kafka.publish(mapper, event);
        kafka.publish(mapper, event);
        kafka.publish(mapper, marker);

        // Same key, same partition: once the marker is applied, both copies of the event were consumed.
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker.eventId()) == 1);
        assertThat(effects(event.eventId())).isEqualTo(1);
        assertThat(consumed("duplicate")).isGreaterThanOrEqualTo(duplicatesBefore + 1);
    }

    @Test
    void theEffectRunsInTheTraceOfTheRecordSoTheEventsItPublishesContinueIt() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued event = Events.invoiceIssued(customer, "ECHO-2026-0001");

        kafka.publish(mapper, event, Map.of("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(event.eventId()) == 1);
        // the relay is off in these tests: the echoed event waits in the outbox with the trace it was written in
        String echoed = OnVertx.await(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT traceparent FROM outbox_event WHERE record_key = ?1", String.class)
                .setParameter(1, customer).getSingleResult())));
        assertThat(echoed).startsWith("00-0af7651916cd43dd8448eb211c80319c-");
    }

    @Test
    void aRecordThatIsNotJsonIsDeadLetteredWithItsReasonAndTheNextRecordIsProcessed() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued next = Events.invoiceIssued(customer, "F-2026-0003");
        double undecodableBefore = deadLettered("undecodable");

        kafka.send(Topics.INVOICE_EVENTS, customer, "{not json".getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEventHeaders.TYPE, EventType.INVOICE_ISSUED_V1.ceType()));
        kafka.publish(mapper, next);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next.eventId()) == 1);
        ConsumerRecord<String, byte[]> dead = deadLetterOf(customer);
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).startsWith("payload is not JSON");
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_TOPIC)).isEqualTo(Topics.INVOICE_EVENTS);
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_OFFSET)).isNotBlank();
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(deadLettered("undecodable")).isGreaterThanOrEqualTo(undecodableBefore + 1);
    }

    @Test
    void aRecordWithoutEventTypeIsDeadLetteredNamingTheMissingHeader() {
        String customer = "C-" + UUID.randomUUID();
        kafka.send(Topics.INVOICE_EVENTS, customer, "{}".getBytes(StandardCharsets.UTF_8), Map.of());

        ConsumerRecord<String, byte[]> dead = deadLetterOf(customer);
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_REASON)).isEqualTo("missing header ce_type");
    }

    @Test
    void aPayloadWithAWronglyTypedFieldIsDeadLetteredNamingTheField() {
        String customer = "C-" + UUID.randomUUID();
        String payload = """
                {"eventId":"%s","occurredAt":"2026-03-02T09:15:00Z","customerId":"%s","invoiceId":"%s",
                 "invoiceNumber":"F-1","issueDate":"not-a-date","dueDate":"2026-04-01","amount":"10.00","currency":"EUR"}"""
                .formatted(UUID.randomUUID(), customer, UUID.randomUUID());
        kafka.send(Topics.INVOICE_EVENTS, customer, payload.getBytes(StandardCharsets.UTF_8), Map.of(
                CloudEventHeaders.TYPE, EventType.INVOICE_ISSUED_V1.ceType()));

        ConsumerRecord<String, byte[]> dead = deadLetterOf(customer);
        assertThat(KafkaProbe.header(dead, CloudEventHeaders.DEAD_LETTER_REASON))
                .contains("relance.invoice.issued.v1").contains("'issueDate'");
    }

    @Test
    void anEffectThatKeepsFailingIsDeadLetteredAfterItsAttemptsAndThePartitionKeepsFlowing() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued failing = Events.invoiceIssued(customer, "FAIL-2026-0004");
        InvoiceIssued next = Events.invoiceIssued(customer, "F-2026-0005");
        double failedBefore = deadLettered("failed");

        kafka.publish(mapper, failing);
        kafka.publish(mapper, next);

        await().atMost(Duration.ofSeconds(30)).until(() -> effects(next.eventId()) == 1);
        assertThat(effects(failing.eventId())).isZero();
        assertThat(KafkaProbe.header(deadLetterOf(customer), CloudEventHeaders.DEAD_LETTER_REASON))
                .contains("this effect always fails");
        assertThat(deadLettered("failed")).isGreaterThanOrEqualTo(failedBefore + 1);
    }

    @Test
    void aTombstoneIsAppliedOnceEvenWhenRedelivered() {
        String customer = "C-" + UUID.randomUUID();
        Map<String, String> headers = Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString());

        kafka.send(Topics.CUSTOMER_PROFILES, customer, null, headers);
        kafka.send(Topics.CUSTOMER_PROFILES, customer, null, headers);
        InvoiceIssued marker = Events.invoiceIssued(customer, "F-2026-0006");
        kafka.publish(mapper, marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> erasures(customer) >= 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(marker.eventId()) == 1);
        assertThat(erasures(customer)).isEqualTo(1);
    }

    @Test
    void aTombstoneWithoutIdIsDeadLettered() {
        String customer = "C-" + UUID.randomUUID();
        kafka.send(Topics.CUSTOMER_PROFILES, customer, null, Map.of());

        assertThat(KafkaProbe.header(deadLetterOf(customer), CloudEventHeaders.DEAD_LETTER_REASON))
                .isEqualTo("a tombstone needs a key and a ce_id header");
    }

    private long erasures(String customer) {
        return OnVertx.await(vertx, () -> Panache.withSession(() ->
                AppliedEffect.count("eventId = ?1 and note = ?2", RecordingConsumer.ERASURES, "erased " + customer)));
    }

    private double consumed(String outcome) {
        return registry.find("relance.events.consumed").tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private double deadLettered(String reasonClass) {
        return registry.find("relance.dead.letters").tag("reason", reasonClass).counter().count();
    }

    private ConsumerRecord<String, byte[]> deadLetterOf(String customer) {
        return kafka.readUntil(DEAD_LETTERS, records -> records.stream().anyMatch(r -> customer.equals(r.key())),
                        Duration.ofSeconds(30))
                .stream().filter(r -> customer.equals(r.key())).findFirst().orElseThrow();
    }

    private long effects(UUID eventId) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> AppliedEffect.count("eventId", eventId)));
    }
}
