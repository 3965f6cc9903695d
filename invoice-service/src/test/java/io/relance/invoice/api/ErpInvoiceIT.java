package io.relance.invoice.api;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.invoice.application.BatchRollbacks;
import io.relance.invoice.TopicProbe;
import io.relance.invoice.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** ERP intake by REST (one, batch) and by the erp-invoices topic, on the real database and broker. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class ErpInvoiceIT {

    @BeforeEach
    void asAdmin() {
        Tokens.actAs("admin");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    MeterRegistry registry;

    static String erpInvoice(String customer, String externalId, String number, String amount, String dueDate) {
        return """
                {"sourceSystem":"sap-fr","externalId":"%s","invoiceNumber":"%s","customerId":"%s",
                 "issueDate":"2026-03-02","dueDate":"%s","amount":"%s","currency":"EUR"}"""
                .formatted(externalId, number, customer, dueDate, amount);
    }

    @Test
    void anErpInvoiceIsIssuedWithItsSourceReferenceAndResendingItReturnsTheSameInvoice() {
        String customer = TestCustomers.create();
        String externalId = UUID.randomUUID().toString();
        String body = erpInvoice(customer, externalId, "FA-" + UUID.randomUUID(), "14280.00", "2026-04-01");

        String id = given().contentType(ContentType.JSON).body(body).post("/erp/invoices")
                .then().statusCode(201).body("sourceSystem", equalTo("sap-fr")).body("beyondLegalTerms", equalTo(false))
                .extract().path("id");
        given().contentType(ContentType.JSON).body(body).post("/erp/invoices")
                .then().statusCode(200).body("id", equalTo(id));

        List<ConsumerRecord<String, String>> events = probe().readAll(Topics.INVOICE_EVENTS, customer, Duration.ofSeconds(4));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("\"externalId\":\"" + externalId + "\"");
    }

    @Test
    void theSameExternalIdWithOtherContentIsAConflictNamingEachDifferingField() {
        String customer = TestCustomers.create();
        String externalId = UUID.randomUUID().toString();
        String number = "FA-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(erpInvoice(customer, externalId, number, "100.00", "2026-04-01"))
                .post("/erp/invoices").then().statusCode(201);

        given().contentType(ContentType.JSON).body(erpInvoice(customer, externalId, number, "150.00", "2026-04-15"))
                .post("/erp/invoices").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("amount", "dueDate"));
    }

    @Test
    void anInvoiceNumberIsUniquePerIssuer() {
        String customer = TestCustomers.create();
        String number = "FA-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(erpInvoice(customer, UUID.randomUUID().toString(), number, "100", "2026-04-01"))
                .post("/erp/invoices").then().statusCode(201);

        given().contentType(ContentType.JSON).body(erpInvoice(customer, UUID.randomUUID().toString(), number, "100", "2026-04-01"))
                .post("/erp/invoices").then().statusCode(409).body("errors[0].field", equalTo("invoiceNumber"));
    }

    @Test
    void termsBeyondTheLegalCeilingAreAcceptedAndFlagged() {
        String customer = TestCustomers.create();

        given().contentType(ContentType.JSON)
                .body(erpInvoice(customer, UUID.randomUUID().toString(), "FA-" + UUID.randomUUID(), "100", "2026-06-30"))
                .post("/erp/invoices").then().statusCode(201).body("beyondLegalTerms", equalTo(true));
    }

    @Test
    void anInvoiceForAnUnknownCustomerOrWithMissingFieldsIsRefusedNamingThem() {
        given().contentType(ContentType.JSON)
                .body(erpInvoice("nobody-" + UUID.randomUUID(), UUID.randomUUID().toString(), "FA-1", "100", "2026-04-01"))
                .post("/erp/invoices").then().statusCode(422).body("errors[0].field", equalTo("customerId"));
        given().contentType(ContentType.JSON).body("{\"sourceSystem\":\"sap-fr\",\"amount\":\"1.001\",\"currency\":\"EUR\"}")
                .post("/erp/invoices").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("externalId", "invoiceNumber", "customerId", "issueDate",
                        "dueDate", "amount"));
    }

    @Test
    void aBatchStoresTheGoodInvoicesAndReportsEachItemsOutcome() {
        String customer = TestCustomers.create();
        String good = erpInvoice(customer, UUID.randomUUID().toString(), "FA-" + UUID.randomUUID(), "10.00", "2026-04-01");
        String badAmount = erpInvoice(customer, UUID.randomUUID().toString(), "FA-" + UUID.randomUUID(), "-1", "2026-04-01");
        String unknownCustomer = erpInvoice("nobody-" + UUID.randomUUID(), UUID.randomUUID().toString(), "FA-x", "5", "2026-04-01");
        String notADate = "{\"sourceSystem\":\"sap-fr\",\"issueDate\":\"yesterday\"}";

        given().contentType(ContentType.JSON).body("[" + String.join(",", good, badAmount, unknownCustomer, notADate, good) + "]")
                .post("/erp/invoices/batch").then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(3))
                .body("items.outcome", contains("CREATED", "REJECTED", "REJECTED", "REJECTED", "ALREADY_ISSUED"))
                .body("items[1].problem.errors[0].field", equalTo("amount"))
                .body("items[2].problem.status", equalTo(422))
                .body("items[3].problem.errors[0].field", equalTo("issueDate"));

        assertThat(probe().readAll(Topics.INVOICE_EVENTS, customer, Duration.ofSeconds(4))).hasSize(1);
    }

    @Test
    void goodInvoicesOfABatchOrOfAPollAreWrittenTogetherWithoutFallingBackItemByItem() {
        String customer = TestCustomers.create();
        double restBefore = rollbacks("rest");
        double topicBefore = rollbacks("topic");
        String batch = IntStream.range(0, 50).mapToObj(i -> erpInvoice(customer, UUID.randomUUID().toString(),
                "FA-" + UUID.randomUUID(), "10.%02d".formatted(i), "2026-04-01")).collect(Collectors.joining(",", "[", "]"));
        given().contentType(ContentType.JSON).body(batch).post("/erp/invoices/batch").then().statusCode(200)
                .body("accepted", equalTo(50));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            IntStream.range(0, 50).forEach(i -> producer.send(record(customer, erpInvoice(customer,
                    UUID.randomUUID().toString(), "FA-" + UUID.randomUUID(), "20.%02d".formatted(i), "2026-04-01"))));
            producer.flush();
        }

        assertThat(probe().read(Topics.INVOICE_EVENTS, customer, 100, Duration.ofSeconds(30))).hasSize(100);
        assertThat(rollbacks("rest")).as("REST batches rolled back").isEqualTo(restBefore);
        assertThat(rollbacks("topic")).as("erp-invoices runs rolled back").isEqualTo(topicBefore);
    }

    private double rollbacks(String path) {
        return registry.get(BatchRollbacks.METRIC).tag("path", path).counter().count();
    }

    @Test
    void aBatchOfMoreThanAThousandInvoicesIsRefusedAsAWhole() {
        String items = IntStream.range(0, 1001).mapToObj(i -> "{}").collect(Collectors.joining(",", "[", "]"));

        given().contentType(ContentType.JSON).body(items).post("/erp/invoices/batch")
                .then().statusCode(400).body("errors.field", hasItem("body"));
    }

    @Test
    void theTopicIsConsumedIdempotentlyAndAMalformedRecordIsDeadLetteredWithoutStoppingThePartition() {
        String customer = TestCustomers.create();
        String externalId = UUID.randomUUID().toString();
        String valid = erpInvoice(customer, externalId, "FA-" + UUID.randomUUID(), "99.90", "2026-04-01");

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            producer.send(record(customer, "{\"sourceSystem\":\"sap-fr\",\"amount\":12.5}"));
            producer.send(record(customer, valid));
            producer.send(record(customer, valid));
            producer.flush();
        }

        List<ConsumerRecord<String, String>> dead = probe().read(Topics.INVOICE_SERVICE_DEAD_LETTERS, customer, 1, Duration.ofSeconds(30));
        assertThat(dead).hasSize(1);
        assertThat(TopicProbe.header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON)).contains("relance.erp.invoice.v1");
        List<ConsumerRecord<String, String>> issued = probe().readAll(Topics.INVOICE_EVENTS, customer, Duration.ofSeconds(8));
        assertThat(issued).hasSize(1);
        assertThat(issued.get(0).value()).contains("\"externalId\":\"" + externalId + "\"").contains("\"amount\":\"99.90\"");
    }

    static String withProfile(String customer, String profileCustomer, String email) {
        return """
                {"sourceSystem":"sage-fr","externalId":"%s","invoiceNumber":"FC-%s","customerId":"%s",
                 "issueDate":"2026-03-02","dueDate":"2026-04-01","amount":"2364.00","currency":"EUR",
                 "customer":%s}""".formatted(UUID.randomUUID(), UUID.randomUUID(), customer, profile(profileCustomer, email));
    }

    static String profile(String customer, String email) {
        return """
                {"customerId":"%s","sourceSystem":"sage-fr","externalId":"%s","legalName":"Boulangerie Fournil Saint-Jean",
                 "sirenOrVat":"821455391","emails":["%s"],"language":"fr","segment":"OCCASIONAL","paymentTermsDays":45,
                 "address":{"lines":["3 place Saint-Jean"],"postalCode":"31000","city":"Toulouse","countryCode":"FR"}}"""
                .formatted(customer, UUID.randomUUID(), email);
    }

    @Test
    void anInvoiceCarryingItsCustomersProfileCreatesTheCustomerWhenItIsNew() {
        String customer = "FR-" + UUID.randomUUID();

        given().contentType(ContentType.JSON).body(withProfile(customer, customer, "gerance@fournil.fr"))
                .post("/erp/invoices").then().statusCode(201).body("customerId", equalTo(customer));

        given().get("/customers/" + customer).then().statusCode(200)
                .body("legalName", equalTo("Boulangerie Fournil Saint-Jean")).body("segment", equalTo("OCCASIONAL"))
                .body("emails", contains("gerance@fournil.fr"));
        assertThat(probe().read(Topics.CUSTOMER_PROFILES, customer, 1, Duration.ofSeconds(10))).hasSize(1);
        assertThat(probe().read(Topics.INVOICE_EVENTS, customer, 1, Duration.ofSeconds(10))).hasSize(1);
    }

    @Test
    void aProfileSentWithAnInvoiceForAKnownCustomerLeavesTheProfileAsItWas() {
        String customer = TestCustomers.create();

        given().contentType(ContentType.JSON).body(withProfile(customer, customer, "other@fournil.fr"))
                .post("/erp/invoices").then().statusCode(201);

        given().get("/customers/" + customer).then().statusCode(200).body("legalName", equalTo("ACME SAS"))
                .body("segment", equalTo("NEW"));
        assertThat(probe().readAll(Topics.CUSTOMER_PROFILES, customer, Duration.ofSeconds(4))).hasSize(1);
    }

    @Test
    void anEmbeddedProfileThatBreaksARuleRefusesTheInvoiceNamingEachFieldAndStoresNothing() {
        String customer = "FR-" + UUID.randomUUID();

        given().contentType(ContentType.JSON).body(withProfile(customer, "someone-else", "not-an-address"))
                .post("/erp/invoices").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("customer.customerId", "customer.emails[0]"));

        given().get("/customers/" + customer).then().statusCode(404);
        assertThat(probe().readAll(Topics.INVOICE_EVENTS, customer, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void customerProfilesComeFromTheTopicTooAndABadOneIsDeadLetteredWithItsReason() {
        String customer = "FR-" + UUID.randomUUID();
        String invoiced = "FR-" + UUID.randomUUID();
        String broken = "FR-" + UUID.randomUUID();

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            String profile = profile(customer, "compta@fournil.fr");
            producer.send(record(customer, profile, "relance.erp.customer.v1"));
            producer.send(record(customer, profile, "relance.erp.customer.v1"));
            producer.send(record(invoiced, withProfile(invoiced, invoiced, "compta@fournil.fr"), "relance.erp.invoice.v1"));
            producer.send(record(broken, profile(broken, "compta@fournil.fr").replace("OCCASIONAL", "VIP"),
                    "relance.erp.customer.v1"));
            producer.flush();
        }

        assertThat(probe().read(Topics.CUSTOMER_PROFILES, customer, 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(probe().read(Topics.CUSTOMER_PROFILES, invoiced, 1, Duration.ofSeconds(30))).hasSize(1);
        assertThat(probe().read(Topics.INVOICE_EVENTS, invoiced, 1, Duration.ofSeconds(30))).hasSize(1);
        List<ConsumerRecord<String, String>> dead = probe().read(Topics.INVOICE_SERVICE_DEAD_LETTERS, broken, 1, Duration.ofSeconds(30));
        assertThat(TopicProbe.header(dead.get(0), CloudEventHeaders.DEAD_LETTER_REASON))
                .contains("relance.erp.customer.v1").containsIgnoringCase("segment");
        given().get("/customers/" + broken).then().statusCode(404);
        // the resent, unchanged profile published nothing more
        assertThat(probe().readAll(Topics.CUSTOMER_PROFILES, customer, Duration.ofSeconds(3))).hasSize(1);
    }

    private static ProducerRecord<String, String> record(String key, String value) {
        return record(key, value, "relance.erp.invoice.v1");
    }

    private static ProducerRecord<String, String> record(String key, String value, String ceType) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ERP_INVOICES, key, value);
        record.headers().add(CloudEventHeaders.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private TopicProbe probe() {
        return new TopicProbe(bootstrapServers);
    }
}
