package io.relance.invoice.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.invoice.TopicProbe;
import io.relance.invoice.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Credit notes, cancellation, write-off and payments from payment-events, on the real database and broker. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class LifecycleIT {

    @BeforeEach
    void asAdmin() {
        Tokens.actAs("admin");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void aCreditNoteLowersTheBalanceIsPublishedAndResendingItChangesNothing() {
        String customer = TestCustomers.create();
        String id = issue(customer, "1000.00");
        String note = "{\"number\":\"AV-%s\",\"amount\":\"1000.00\",\"currency\":\"EUR\",\"issueDate\":\"2026-03-10\",\"reason\":\"returned\"}"
                .formatted(UUID.randomUUID());

        given().contentType(ContentType.JSON).body(note).post("/invoices/" + id + "/credit-notes")
                .then().statusCode(201).body("invoice.status", equalTo("CREDITED")).body("invoice.openAmount", equalTo("0.00"));
        given().contentType(ContentType.JSON).body(note).post("/invoices/" + id + "/credit-notes")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> events = probe().readAll(Topics.INVOICE_EVENTS, customer, Duration.ofSeconds(4));
        assertThat(events).extracting(e -> TopicProbe.header(e, CloudEventHeaders.TYPE))
                .containsExactly("relance.invoice.issued.v1", "relance.invoice.credit-note.issued.v1");
    }

    @Test
    void aCreditNoteAboveTheOpenAmountIsRefusedNamingTheAmount() {
        String id = issue(TestCustomers.create(), "100.00");

        given().contentType(ContentType.JSON)
                .body("{\"number\":\"AV-%s\",\"amount\":\"100.01\",\"currency\":\"EUR\",\"issueDate\":\"2026-03-10\"}".formatted(UUID.randomUUID()))
                .post("/invoices/" + id + "/credit-notes")
                .then().statusCode(400).body("errors[0].field", equalTo("amount"));
    }

    @Test
    void cancellationAndWriteOffPublishTheirEventsAndAreFinal() {
        String customer = TestCustomers.create();
        String cancelled = issue(customer, "10.00");
        String writtenOff = issue(customer, "20.00");

        given().contentType(ContentType.JSON).body("{\"reason\":\"issued twice\"}").post("/invoices/" + cancelled + "/cancellation")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("openAmount", equalTo("0.00"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"liquidation closed\"}").post("/invoices/" + writtenOff + "/write-off")
                .then().statusCode(200).body("status", equalTo("WRITTEN_OFF"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"again\"}").post("/invoices/" + cancelled + "/write-off")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));

        List<ConsumerRecord<String, String>> events = probe().read(Topics.INVOICE_EVENTS, customer, 4, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> TopicProbe.header(e, CloudEventHeaders.TYPE))
                .contains("relance.invoice.cancelled.v1", "relance.invoice.written-off.v1");
        assertThat(events).filteredOn(e -> TopicProbe.header(e, CloudEventHeaders.TYPE).endsWith("written-off.v1"))
                .singleElement().satisfies(e -> assertThat(e.value()).contains("\"amount\":\"20.00\""));
    }

    @Test
    void paymentsAndReversalsKeepTheBalanceAndAPaymentBeforeItsInvoiceIsAppliedWhenItArrives() {
        String customer = TestCustomers.create();
        String externalId = UUID.randomUUID().toString();
        String invoiceId = UUID.nameUUIDFromBytes(("source:sap-fr/" + externalId).getBytes(StandardCharsets.UTF_8)).toString();

        publish(customer, "relance.payment.received.v1", payment(customer, invoiceId, "300.00"));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        given().contentType(ContentType.JSON)
                .body(ErpInvoiceIT.erpInvoice(customer, externalId, "FA-" + UUID.randomUUID(), "1000.00", "2026-04-01"))
                .post("/erp/invoices").then().statusCode(201)
                .body("id", equalTo(invoiceId)).body("status", equalTo("PARTIALLY_PAID")).body("openAmount", equalTo("700.00"));

        String rest = payment(customer, invoiceId, "700.00");
        publish(customer, "relance.payment.received.v1", rest);
        publish(customer, "relance.payment.received.v1", rest);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/invoices/" + invoiceId)
                .then().body("status", equalTo("PAID")).body("paidAmount", equalTo("1000.00")));

        publish(customer, "relance.payment.reversed.v1", """
                {"eventId":"%s","occurredAt":"2026-04-03T10:00:00Z","customerId":"%s","paymentId":"%s",
                 "reversedOn":"2026-04-03","amount":"700.00","currency":"EUR","reason":"AM04",
                 "allocations":[{"invoiceId":"%s","amount":"700.00"}]}"""
                .formatted(UUID.randomUUID(), customer, UUID.randomUUID(), invoiceId));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/invoices/" + invoiceId)
                .then().body("status", equalTo("PARTIALLY_PAID")).body("openAmount", equalTo("700.00")));
    }

    static String issue(String customer, String amount) {
        return given().contentType(ContentType.JSON)
                .body(ErpInvoiceIT.erpInvoice(customer, UUID.randomUUID().toString(), "FA-" + UUID.randomUUID(), amount, "2026-04-01"))
                .post("/erp/invoices").then().statusCode(201).extract().path("id");
    }

    static String payment(String customer, String invoiceId, String amount) {
        return """
                {"eventId":"%s","occurredAt":"2026-03-20T10:00:00Z","customerId":"%s","paymentId":"%s",
                 "valueDate":"2026-03-20","amount":"%s","currency":"EUR","method":"TRANSFER",
                 "allocations":[{"invoiceId":"%s","amount":"%s"}],"unappliedAmount":"0.00"}"""
                .formatted(UUID.randomUUID(), customer, UUID.randomUUID(), amount, invoiceId, amount);
    }

    void publish(String customer, String ceType, String json) {
        new PaymentPublisher(bootstrapServers).publish(customer, ceType, json);
    }

    /** Publishes payment-service events as payment-service does: keyed by customer, with ce_type and ce_id. */
    record PaymentPublisher(String bootstrapServers) {

        void publish(String customer, String ceType, String json) {
            String eventId = json.substring(json.indexOf("\"eventId\":\"") + 11, json.indexOf("\"eventId\":\"") + 47);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.PAYMENT_EVENTS, customer, json);
                record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
                record.headers().add(CloudEventHeaders.ID, eventId.getBytes(StandardCharsets.UTF_8));
                producer.send(record);
                producer.flush();
            }
        }
    }

    private TopicProbe probe() {
        return new TopicProbe(bootstrapServers);
    }
}
