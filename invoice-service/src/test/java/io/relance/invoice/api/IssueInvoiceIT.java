package io.relance.invoice.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.invoice.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** POST /invoices on the real database and broker: stored with its event, or refused with a problem document. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class IssueInvoiceIT {

    @BeforeEach
    void asAdmin() {
        Tokens.actAs("admin");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anIssuedInvoiceIsStoredAndItsInvoiceIssuedEventReachesKafka() {
        String customer = TestCustomers.create();
        String number = "F-" + UUID.randomUUID();

        String id = given().contentType(ContentType.JSON).body(invoice(customer, number, "\"1200.00\""))
                .when().post("/invoices")
                .then().statusCode(201)
                .header("Location", containsString("/invoices/"))
                .body("status", equalTo("OPEN"))
                .body("openAmount", equalTo("1200.00"))
                .extract().path("id");

        given().when().get("/invoices/" + id).then().statusCode(200).body("number", equalTo(number));
        ConsumerRecord<String, String> event = awaitEventFor(customer);
        assertThat(header(event, CloudEventHeaders.TYPE)).isEqualTo("relance.invoice.issued.v1");
        assertThat(event.value()).contains("\"invoiceId\":\"" + id + "\"").contains("\"amount\":\"1200.00\"");
    }

    @Test
    void sendingTheSameInvoiceAgainReturnsTheOneAlreadyIssued() {
        String customer = TestCustomers.create();
        String number = "F-" + UUID.randomUUID();
        String first = given().contentType(ContentType.JSON).body(invoice(customer, number, "1200"))
                .post("/invoices").then().statusCode(201).extract().path("id");

        given().contentType(ContentType.JSON).body(invoice(customer, number, "\"1200.00\""))
                .post("/invoices").then().statusCode(200).body("id", equalTo(first));
    }

    @Test
    void theSameNumberWithOtherContentIsAConflictNamingTheFields() {
        String customer = TestCustomers.create();
        String number = "F-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(invoice(customer, number, "100")).post("/invoices")
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body(invoice(customer, number, "150")).post("/invoices")
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void anInvoiceForAnUnknownCustomerIsUnprocessableAndNothingIsPublished() {
        String customer = "C-" + UUID.randomUUID();

        given().contentType(ContentType.JSON).body(invoice(customer, "F-" + UUID.randomUUID(), "100"))
                .post("/invoices").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customerId"));

        assertNoEventFor(customer);
    }

    @Test
    void aMissingFieldIsRefusedWithAProblemNamingItAndNothingIsStoredOrPublished() {
        String customer = "C-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                        {"customerId":"%s","number":"F-1","currency":"EUR","issueDate":"2026-03-02","dueDate":"2026-04-01"}"""
                        .formatted(customer))
                .post("/invoices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("amount"));

        assertNoEventFor(customer);
    }

    @Test
    void invalidJsonIsRefusedWithAProblem() {
        given().contentType(ContentType.JSON).body("{\"customerId\": \"C-1\", ")
                .post("/invoices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void aDateThatIsNotADateIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body("""
                        {"customerId":"C-1","number":"F-1","amount":"10","currency":"EUR","issueDate":"02/03/2026","dueDate":"2026-04-01"}""")
                .post("/invoices")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("issueDate"));
    }

    @Test
    void businessRulesAreRefusedNamingTheFieldAndTheRule() {
        given().contentType(ContentType.JSON).body(invoice("C-1", "F-" + UUID.randomUUID(), "\"10.001\""))
                .post("/invoices").then().statusCode(400).body("errors[0].field", equalTo("amount"))
                .body("errors[0].rule", containsString("decimals"));
        given().contentType(ContentType.JSON).body("""
                        {"customerId":"C-1","number":"F-2","amount":"10","currency":"EUR","issueDate":"2026-03-02","dueDate":"2026-03-01"}""")
                .post("/invoices").then().statusCode(400).body("errors[0].field", equalTo("dueDate"));
        given().contentType(ContentType.JSON).body("""
                        {"customerId":"C-1","number":"F-3","amount":"-5","currency":"EUR","issueDate":"2026-03-02","dueDate":"2026-04-01"}""")
                .post("/invoices").then().statusCode(400).body("errors[0].field", equalTo("amount"));
    }

    private static String invoice(String customer, String number, String amountJson) {
        return """
                {"customerId":"%s","number":"%s","amount":%s,"currency":"EUR","issueDate":"2026-03-02","dueDate":"2026-04-01"}"""
                .formatted(customer, number, amountJson);
    }

    private ConsumerRecord<String, String> awaitEventFor(String customer) {
        List<ConsumerRecord<String, String>> found = read(customer, Duration.ofSeconds(30), true);
        assertThat(found).as("InvoiceIssued for " + customer).hasSize(1);
        return found.get(0);
    }

    private void assertNoEventFor(String customer) {
        // The relay polls every 200 ms; three seconds is ample for a wrongly written event to show.
        assertThat(read(customer, Duration.ofSeconds(3), false)).isEmpty();
    }

    private List<ConsumerRecord<String, String>> read(String customer, Duration timeout, boolean stopAtFirst) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INVOICE_EVENTS));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline) && !(stopAtFirst && !found.isEmpty())) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (customer.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
