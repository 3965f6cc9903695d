package io.relance.kpi.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.dunning.Channel;
import io.relance.kpi.Tokens;
import io.relance.servers.RelanceServersTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** The service on the real broker: events published as the producers do, KPIs read over REST and Prometheus. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class KpiServiceIT {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @BeforeEach
    void asAFinanceManager() {
        Tokens.actAs("manager");
    }

    @Test
    void eventsOnTheBrokerDeliveredTwiceAndOutOfOrderGiveTheWorkedRecoveryAndCostFigures() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        UUID invoice = UUID.randomUUID();
        RelanceEvent payment = Events.paid(customer, invoice, "2026-03-15", "8000.00");
        // The payment overtakes its invoice, and is delivered twice.
        publish(List.of(payment, Events.issued(customer, invoice, "2026-01-01", "2026-01-31", "10000.00"), payment,
                Events.reminderSent(customer, "2026-03-10", Channel.COLLECTION_AGENCY, "4000.00")));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().queryParam("asOf", "2026-03-31").queryParam("window", "30")
                        .when().get("/kpis/customers/" + customer)
                        .then().statusCode(200)
                        .body("figures[0].currency", equalTo("EUR"))
                        .body("figures[0].receivables", equalTo("2000.00"))
                        .body("figures[0].recoveryRatePercent", equalTo("80.00"))
                        .body("figures[0].costOfCollectionPercent", equalTo("50.00")));
        given().when().get("/kpis/receivables").then().statusCode(200).body(containsString("\"currency\":\"EUR\""));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().when().get("/q/metrics").then().statusCode(200)
                        .body(containsString("relance_kpi_receivables{"))
                        .body(containsString("relance_kpi_dso_days{")));
    }

    @Test
    void aBadParameterIsAProblemDocumentNamingIt() {
        given().queryParam("window", "45").when().get("/kpis")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("window"));
        given().queryParam("asOf", "yesterday").when().get("/kpis/aging")
                .then().statusCode(400).body("errors[0].field", equalTo("asOf"));
        given().queryParam("segment", "VIP").when().get("/kpis")
                .then().statusCode(400).body("errors[0].field", equalTo("segment"));
        given().queryParam("from", "2026-01-01").when().get("/kpis/history")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("from", "2026-01-01").queryParam("to", "2026-03-01").queryParam("step", "year")
                .when().get("/kpis/history")
                .then().statusCode(400).body("errors[0].field", equalTo("step"));
    }

    @Test
    void aCustomerNoEventMentionedIsNotFound() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().when().get("/kpis/customers/C-nobody-" + UUID.randomUUID())
                        .then().statusCode(404).contentType("application/problem+json"));
    }

    @Test
    void theHistoryHasOnePointPerMonthEnd() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("from", "2026-01-31").queryParam("to", "2026-04-30").queryParam("currency", "EUR")
                        .when().get("/kpis/history")
                        .then().statusCode(200)
                        .body("points.asOf", equalTo(List.of("2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30"))));
    }

    private void publish(List<RelanceEvent> events) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (RelanceEvent event : events) {
                EventType type = EventType.of(event.getClass());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), event.customerId(),
                        mapper.writeValueAsBytes(event));
                record.headers().add(CloudEventHeaders.ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
                producer.send(record).get();
            }
        }
    }
}
