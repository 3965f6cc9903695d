package io.relance.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.servers.RelanceServersTestResource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The outbox relay on the real broker and database. The scheduled relay is off in these tests: rows committed
 * while it does not run are exactly what a crash between the commit and the publish leaves behind.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class OutboxRelayIT {

    @Inject
    Outbox outbox;
    @Inject
    OutboxRelay relay;
    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.otel.sdk.disabled")
    boolean tracingSdkDisabled;

    private KafkaProbe kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaProbe(bootstrapServers);
    }

    @Test
    void anEventCommittedBeforeACrashIsPublishedByTheNextRelayRunWithItsCloudEventsHeaders() throws Exception {
        InvoiceIssued event = Events.invoiceIssued("C-" + UUID.randomUUID(), "F-2026-0100");

        commit(event);
        assertThat(pendingRows(event.eventId())).isEqualTo(1);

        assertThat(drain()).isPositive();

        ConsumerRecord<String, byte[]> published = publishedRecord(event.eventId());
        assertThat(published.key()).isEqualTo(event.customerId());
        assertThat(KafkaProbe.header(published, CloudEventHeaders.TYPE)).isEqualTo("relance.invoice.issued.v1");
        assertThat(KafkaProbe.header(published, CloudEventHeaders.SOURCE)).isEqualTo("/relance/delivery-test");
        assertThat(KafkaProbe.header(published, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaProbe.header(published, CloudEventHeaders.TIME)).isEqualTo("2026-03-02T09:15:00Z");
        assertThat(mapper.readValue(published.value(), InvoiceIssued.class)).isEqualTo(event);
        assertThat(pendingRows(event.eventId())).isZero();
    }

    @Test
    void aRolledBackTransactionLeavesNoEventBehind() {
        InvoiceIssued event = Events.invoiceIssued("C-" + UUID.randomUUID(), "F-2026-0101");

        assertThatThrownBy(() -> OnVertx.await(vertx, () -> Panache.withTransaction(() -> outbox.append(event)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("the state change failed"))))))
                .hasStackTraceContaining("the state change failed");

        assertThat(pendingRows(event.eventId())).isZero();
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        InvoiceIssued event = Events.invoiceIssued("C-" + UUID.randomUUID(), "F-2026-0102");

        assertThatThrownBy(() -> OnVertx.await(vertx, () -> Panache.withSession(() -> outbox.append(event))))
                .hasStackTraceContaining("outside a transaction");
        assertThat(pendingRows(event.eventId())).isZero();
    }

    @Test
    void twoRelaysRunningAtOncePublishEachEventOnceAndInTheOrderItWasWritten() {
        String customer = "C-" + UUID.randomUUID();
        List<InvoiceIssued> events = IntStream.range(0, 40)
                .mapToObj(i -> Events.invoiceIssued(customer, "F-2026-%04d".formatted(200 + i))).toList();
        events.forEach(this::commit);

        CompletableFuture<Long> first = CompletableFuture.supplyAsync(this::drain);
        CompletableFuture<Long> second = CompletableFuture.supplyAsync(this::drain);
        first.join();
        second.join();

        List<String> expected = events.stream().map(e -> e.eventId().toString()).toList();
        assertThat(publishedEventIds(customer, expected.size())).containsExactlyElementsOf(expected);
    }

    @Test
    void eventsAppendedTogetherArePublishedOnceEachInTheOrderOfTheList() {
        String first = "C-" + UUID.randomUUID();
        String second = "C-" + UUID.randomUUID();
        List<InvoiceIssued> events = IntStream.range(0, 30)
                .mapToObj(i -> Events.invoiceIssued(i % 3 == 0 ? second : first, "F-2026-%04d".formatted(300 + i)))
                .toList();

        OnVertx.await(vertx, () -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> outbox.appendAll(session, events))));
        drain();

        for (String customer : List.of(first, second)) {
            List<String> expected = events.stream().filter(e -> e.customerId().equals(customer))
                    .map(e -> e.eventId().toString()).toList();
            assertThat(publishedEventIds(customer, expected.size())).containsExactlyElementsOf(expected);
        }
    }

    /** The ids of the events published for {@code customer} on invoice-events, in partition order, once there are {@code count}. */
    private List<String> publishedEventIds(String customer, int count) {
        return kafka.readUntil(Topics.INVOICE_EVENTS,
                        records -> records.stream().filter(r -> customer.equals(r.key())).count() >= count,
                        Duration.ofSeconds(30))
                .stream().filter(r -> customer.equals(r.key()))
                .map(r -> KafkaProbe.header(r, CloudEventHeaders.ID)).toList();
    }

    @Test
    void eventsAppendedTogetherForSeveralRequestsEachTravelInTheTraceOfTheirOwnRequest() {
        String customer = "C-" + UUID.randomUUID();
        List<InvoiceIssued> events = List.of(Events.invoiceIssued(customer, "F-2026-0401"),
                Events.invoiceIssued(customer, "F-2026-0402"), Events.invoiceIssued(customer, "F-2026-0403"));
        List<String> traceparents = Arrays.asList("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);

        OnVertx.await(vertx, () -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> outbox.appendAll(session, events, traceparents))));
        drain();

        // the trace of the request that submitted each (the relay's send is a span of its own); a new one for null
        assertThat(KafkaProbe.header(publishedRecord(events.get(0).eventId()), "traceparent"))
                .matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
        assertThat(KafkaProbe.header(publishedRecord(events.get(1).eventId()), "traceparent"))
                .matches("00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01");
        assertThat(KafkaProbe.header(publishedRecord(events.get(2).eventId()), "traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
                .doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736").doesNotContain("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void appendingEventsWithAnotherNumberOfTraceparentsIsRefused() {
        List<InvoiceIssued> events = List.of(Events.invoiceIssued("C-" + UUID.randomUUID(), "F-2026-0501"));

        assertThatThrownBy(() -> OnVertx.await(vertx, () -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> outbox.appendAll(session, events, List.of())))))
                .rootCause().hasMessage("1 events but 0 traceparents");
    }

    @Test
    void withNoCollectorConfiguredTheTracingSdkIsOffSoNothingTriesToExport() {
        // TracingConfigInterceptor, registered through META-INF/services, overrides Quarkus's own default (on)
        assertThat(tracingSdkDisabled).isTrue();
    }

    @Test
    void aTombstoneIsPublishedAsANullValueWithItsIdOnTheCompactedTopic() {
        String customer = "C-" + UUID.randomUUID();

        OnVertx.await(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(session ->
                outbox.appendTombstone(session, Topics.CUSTOMER_PROFILES, customer, Instant.parse("2026-05-01T08:00:00Z")))));
        drain();

        ConsumerRecord<String, byte[]> tombstone = kafka.readUntil(Topics.CUSTOMER_PROFILES,
                        records -> records.stream().anyMatch(r -> customer.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> customer.equals(r.key())).findFirst().orElseThrow();
        assertThat(tombstone.value()).isNull();
        assertThat(KafkaProbe.header(tombstone, CloudEventHeaders.ID)).isNotBlank();
        assertThat(KafkaProbe.header(tombstone, CloudEventHeaders.TYPE)).isNull();
    }

    @Test
    void aTombstoneOnATopicThatIsNotCompactedIsRefused() {
        assertThatThrownBy(() -> OnVertx.await(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(
                session -> outbox.appendTombstone(session, Topics.INVOICE_EVENTS, "C-1", Instant.now())))))
                .hasStackTraceContaining("not one");
    }

    private void commit(InvoiceIssued event) {
        OnVertx.await(vertx, () -> Panache.withTransaction(() -> AppliedEffect.of(event.eventId(), "state change")
                .persist().chain(() -> outbox.append(event))));
    }

    private long drain() {
        return relay.drain().await().atMost(Duration.ofSeconds(60));
    }

    private long pendingRows(UUID eventId) {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_id = ?1", Long.class)
                .setParameter(1, eventId).getSingleResult())));
    }

    private ConsumerRecord<String, byte[]> publishedRecord(UUID eventId) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        kafka.readUntil(Topics.INVOICE_EVENTS, records -> {
            records.stream().filter(r -> eventId.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)))
                    .findFirst().ifPresent(found::add);
            return !found.isEmpty();
        }, Duration.ofSeconds(30));
        return found.get(0);
    }
}
