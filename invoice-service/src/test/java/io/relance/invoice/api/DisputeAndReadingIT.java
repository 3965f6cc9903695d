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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The dispute cycle and the read side (list, timeline, statement), on the real database and broker. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class DisputeAndReadingIT {

    @BeforeEach
    void asAdmin() {
        Tokens.actAs("admin");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anAcceptedDisputeIssuesItsCreditNoteAndASecondOpenDisputeIsRefused() {
        String customer = TestCustomers.create();
        String invoice = LifecycleIT.issue(customer, "1000.00");

        String dispute = openDispute(invoice, "350.00");
        given().get("/invoices/" + invoice).then().body("disputed", equalTo(true));
        given().contentType(ContentType.JSON).body("{\"reason\":\"PRICE\",\"disputedAmount\":\"1\",\"currency\":\"EUR\"}")
                .post("/invoices/" + invoice + "/disputes").then().statusCode(400).body("errors[0].field", equalTo("invoiceId"));

        given().contentType(ContentType.JSON).body("""
                        {"outcome":"ACCEPTED","creditNote":{"number":"AV-%s","amount":"350.00","currency":"EUR"},"comment":"agreed"}"""
                        .formatted(UUID.randomUUID()))
                .post("/disputes/" + dispute + "/resolution").then().statusCode(200).body("outcome", equalTo("ACCEPTED"));

        given().get("/invoices/" + invoice).then().body("disputed", equalTo(false)).body("openAmount", equalTo("650.00"));
        List<ConsumerRecord<String, String>> events = probe().read(Topics.INVOICE_EVENTS, customer, 4, Duration.ofSeconds(30));
        assertThat(events).extracting(e -> TopicProbe.header(e, CloudEventHeaders.TYPE)).containsExactly(
                "relance.invoice.issued.v1", "relance.invoice.dispute.opened.v1",
                "relance.invoice.credit-note.issued.v1", "relance.invoice.dispute.resolved.v1");
        assertThat(events.get(3).value()).contains("\"outcome\":\"ACCEPTED_CREDITED\"");
    }

    @Test
    void aRejectedDisputeLeavesTheBalanceAndAnAcceptanceWithoutCreditNoteIsRefused() {
        String invoice = LifecycleIT.issue(TestCustomers.create(), "500.00");
        String dispute = openDispute(invoice, "500.00");

        given().contentType(ContentType.JSON).body("{\"outcome\":\"ACCEPTED\"}")
                .post("/disputes/" + dispute + "/resolution").then().statusCode(400).body("errors[0].field", equalTo("creditNote"));
        given().contentType(ContentType.JSON).body("{\"outcome\":\"REJECTED\"}")
                .post("/disputes/" + dispute + "/resolution").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"outcome\":\"REJECTED\"}")
                .post("/disputes/" + dispute + "/resolution").then().statusCode(400).body("errors[0].field", equalTo("disputeId"));

        given().get("/invoices/" + invoice).then().body("disputed", equalTo(false)).body("openAmount", equalTo("500.00"));
    }

    @Test
    void aFullPaymentClosesTheOpenDisputeAsWithdrawn() {
        String customer = TestCustomers.create();
        String invoice = LifecycleIT.issue(customer, "80.00");
        openDispute(invoice, "80.00");

        new LifecycleIT.PaymentPublisher(bootstrapServers).publish(customer, "relance.payment.received.v1",
                LifecycleIT.payment(customer, invoice, "80.00"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/invoices/" + invoice)
                .then().body("status", equalTo("PAID")).body("disputed", equalTo(false)));
        assertThat(probe().read(Topics.INVOICE_EVENTS, customer, 3, Duration.ofSeconds(30)))
                .last().satisfies(e -> assertThat(e.value()).contains("\"outcome\":\"WITHDRAWN\""));
    }

    @Test
    void theTimelineListsEveryFactInOrder() {
        String invoice = LifecycleIT.issue(TestCustomers.create(), "300.00");
        String dispute = openDispute(invoice, "100.00");
        given().contentType(ContentType.JSON).body("{\"outcome\":\"REJECTED\",\"comment\":\"no\"}")
                .post("/disputes/" + dispute + "/resolution").then().statusCode(200);
        given().contentType(ContentType.JSON).body("{\"reason\":\"bankrupt\"}").post("/invoices/" + invoice + "/write-off")
                .then().statusCode(200);

        given().get("/invoices/" + invoice + "/timeline").then().statusCode(200)
                .body("kind", contains("ISSUED", "DISPUTE_OPENED", "DISPUTE_RESOLVED", "WRITTEN_OFF"))
                .body("[3].amount", equalTo("300.00"));
    }

    @Test
    void theListIsFilteredAndPagedByCursorWithoutGapsOrRepeats() {
        String customer = TestCustomers.create();
        for (int i = 1; i <= 5; i++) {
            given().contentType(ContentType.JSON).body(ErpInvoiceIT.erpInvoice(customer, UUID.randomUUID().toString(),
                    "FA-" + UUID.randomUUID(), i + "00.00", "2026-04-0" + i)).post("/erp/invoices").then().statusCode(201);
        }
        List<String> seen = new ArrayList<>();
        String after = "";
        do {
            var page = given().queryParam("customerId", customer).queryParam("limit", 2).queryParam("after", after)
                    .get("/invoices").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.dueDate"));
            after = page.getString("next");
        } while (after != null);
        assertThat(seen).containsExactly("2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04", "2026-04-05");

        given().queryParam("customerId", customer).queryParam("minAmount", "200").queryParam("maxAmount", "300")
                .get("/invoices").then().body("items", hasSize(2)).body("next", nullValue());
        given().queryParam("customerId", customer).queryParam("dueTo", "2026-04-01").queryParam("status", "OPEN")
                .queryParam("overdue", "true").get("/invoices").then().body("items", hasSize(1));
        given().queryParam("status", "SOMETIMES").get("/invoices").then().statusCode(400).body("errors[0].field", equalTo("status"));
    }

    @Test
    void theStatementShowsTheBalanceAndAgingAsOfTheGivenDate() {
        String customer = TestCustomers.create();
        LifecycleIT.issue(customer, "100.00");   // due 2026-04-01
        String paid = LifecycleIT.issue(customer, "50.00");
        given().contentType(ContentType.JSON).body("{\"number\":\"AV-%s\",\"amount\":\"50.00\",\"currency\":\"EUR\",\"issueDate\":\"2026-03-05\"}"
                .formatted(UUID.randomUUID())).post("/invoices/" + paid + "/credit-notes").then().statusCode(201);

        given().queryParam("asOf", "2026-05-15").get("/customers/" + customer + "/statement").then().statusCode(200)
                .body("openItems", hasSize(1))
                .body("totals[0].balance", equalTo("100.00"))
                .body("totals[0].overdue", equalTo("100.00"))
                .body("totals[0].aging.days31To60", equalTo("100.00"));
        given().get("/customers/nobody-" + UUID.randomUUID() + "/statement").then().statusCode(404);
    }

    private static String openDispute(String invoice, String amount) {
        return given().contentType(ContentType.JSON)
                .body("{\"reason\":\"QUALITY\",\"disputedAmount\":\"%s\",\"currency\":\"EUR\",\"comment\":\"damaged\"}".formatted(amount))
                .post("/invoices/" + invoice + "/disputes").then().statusCode(201).extract().path("id");
    }

    private TopicProbe probe() {
        return new TopicProbe(bootstrapServers);
    }
}
