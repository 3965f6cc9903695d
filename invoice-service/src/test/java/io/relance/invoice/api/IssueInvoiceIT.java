package io.relance.invoice.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.invoice.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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
    void invoicesPostedAtTheSameTimeAreEachAnsweredForThemselvesAndPublishedOnce() throws Exception {
        String customer = TestCustomers.create();
        String unknown = "C-" + UUID.randomUUID();
        String run = UUID.randomUUID().toString();
        // 24 new invoices, 4 sent twice alike, 2 sent twice with another amount, 2 for a customer that does not exist
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            bodies.add(invoice(customer, "G-" + run + "-" + i, "100"));
        }
        for (int i = 0; i < 4; i++) {
            bodies.add(invoice(customer, "G-" + run + "-" + i, "\"100.00\""));
        }
        for (int i = 4; i < 6; i++) {
            bodies.add(invoice(customer, "G-" + run + "-" + i, "101"));
        }
        bodies.add(invoice(unknown, "G-" + run + "-u1", "100"));
        bodies.add(invoice(unknown, "G-" + run + "-u2", "100"));

        ExecutorService callers = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> calls = new ArrayList<>();
        try {
            for (String body : bodies) {
                calls.add(callers.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(body)
                            .post("/invoices").andReturn();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> call : calls) {
                answers.add(call.get(60, TimeUnit.SECONDS));
            }

            for (int i = 6; i < 24; i++) {
                assertThat(answers.get(i).statusCode()).as(answers.get(i).asString()).isEqualTo(201);
            }
            for (int i = 0; i < 4; i++) {
                // the same invoice twice: one issues it, the other gets it back; both name the same invoice
                assertThat(List.of(answers.get(i).statusCode(), answers.get(24 + i).statusCode()))
                        .containsExactlyInAnyOrder(201, 200);
                assertThat(answers.get(24 + i).jsonPath().getString("id")).isEqualTo(answers.get(i).jsonPath().getString("id"));
            }
            for (int i = 4; i < 6; i++) {
                // the same number with another amount: whichever came second is a conflict naming the amount
                Response first = answers.get(i);
                Response other = answers.get(24 + i);
                assertThat(List.of(first.statusCode(), other.statusCode())).containsExactlyInAnyOrder(201, 409);
                Response conflict = first.statusCode() == 409 ? first : other;
                assertThat(conflict.jsonPath().getList("errors.field")).contains("amount");
            }
            for (int i = 30; i < 32; i++) {
                assertThat(answers.get(i).statusCode()).as(answers.get(i).asString()).isEqualTo(422);
                assertThat(answers.get(i).jsonPath().getString("errors[0].field")).isEqualTo("customerId");
            }

            // one InvoiceIssued per invoice issued (24 numbers, each once), none for the unknown customer
            List<String> issued = answers.stream().filter(answer -> answer.statusCode() == 201)
                    .map(answer -> answer.jsonPath().getString("id")).toList();
            assertThat(issued).hasSize(24).doesNotHaveDuplicates();
            List<ConsumerRecord<String, String>> events = readUntil(customer, 24, Duration.ofSeconds(30));
            assertThat(events.stream().map(ConsumerRecord::value)
                    .map(value -> value.replaceAll(".*\"invoiceId\":\"([0-9a-f-]+)\".*", "$1")))
                    .containsExactlyInAnyOrderElementsOf(issued);
            assertNoEventFor(unknown);
        } finally {
            callers.shutdownNow();
        }
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
        List<ConsumerRecord<String, String>> found = readUntil(customer, 1, Duration.ofSeconds(30));
        assertThat(found).as("InvoiceIssued for " + customer).hasSize(1);
        return found.get(0);
    }

    private void assertNoEventFor(String customer) {
        // The relay polls every 200 ms; three seconds is ample for a wrongly written event to show.
        assertThat(readUntil(customer, Integer.MAX_VALUE, Duration.ofSeconds(3))).isEmpty();
    }

    /** The InvoiceIssued of {@code customer}: once there are {@code count}, a second more for any extra; at most {@code timeout}. */
    private List<ConsumerRecord<String, String>> readUntil(String customer, int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.INVOICE_EVENTS));
            Instant deadline = Instant.now().plus(timeout);
            Instant extra = null;
            while (Instant.now().isBefore(deadline) && (extra == null || Instant.now().isBefore(extra))) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (customer.equals(r.key())) {
                        found.add(r);
                    }
                });
                if (extra == null && found.size() >= count) {
                    extra = Instant.now().plusSeconds(1);
                }
            }
        }
        return found;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
