package io.relance.dunning.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.dunning.application.SweepDueActions;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.testing.Facts;
import io.relance.dunning.testing.KafkaProbe;
import io.relance.dunning.testing.OnVertx;
import io.relance.dunning.testing.TestClock;
import io.relance.dunning.testing.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

/**
 * The collectors' worklist on the real broker and database: items opened by the sweep and by disputes, filtered by
 * assignee, calls recorded in the history, a promise made on the phone, and the hand-over's evidence file.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class WorklistIT {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    private static final LocalDate FIRST_REMINDER_DAY = LocalDate.of(2026, 3, 9);
    private static final LocalDate PHONE_DAY = LocalDate.of(2026, 4, 1);
    private static final LocalDate FORMAL_NOTICE_DAY = LocalDate.of(2026, 4, 16);
    private static final LocalDate HAND_OVER_DAY = LocalDate.of(2026, 5, 4);

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
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private KafkaProbe kafka;
    private String collector;

    @BeforeEach
    void setUp() {
        Tokens.actAs("admin");
        kafka = new KafkaProbe(bootstrapServers, mapper);
        clock.setToday(FIRST_REMINDER_DAY);
        collector = "collector-" + UUID.randomUUID();
    }

    @Test
    void aPhoneStepIsOnTheAssigneesListUntilACallCompletesItAndAPromiseMadeOnThePhoneHoldsTheInvoice() {
        InvoiceIssued invoice = issued("5000.00");
        assign(invoice.customerId());
        clock.setToday(PHONE_DAY);
        sweepOn(PHONE_DAY);

        String itemId = given().queryParam("assignee", collector).get("/worklist").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("PHONE_TASK"))
                .body("items[0].invoiceNumbers", equalTo(List.of("F-1")))
                .body("items[0].amountOpen", equalTo(5000.00f))
                .body("items[0].daysOverdue", equalTo(30))
                .body("items[0].assignee", equalTo(collector))
                .extract().path("items[0].itemId");
        given().get("/worklist?assignee=somebody-else").then().statusCode(200).body("items", empty());

        call(itemId, "{\"outcome\":\"NO_ANSWER\"}").then().statusCode(204);
        given().queryParam("assignee", collector).get("/worklist").then().body("items.itemId", hasItem(itemId));

        call(itemId, "{\"outcome\":\"PROMISE_TO_PAY\",\"amount\":\"5000.00\"}").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("payBy"));
        call(itemId, "{\"outcome\":\"PROMISE_TO_PAY\",\"payBy\":\"2026-04-10\",\"amount\":\"5000.00\"}")
                .then().statusCode(204);

        given().queryParam("assignee", collector).get("/worklist").then().body("items", empty());
        assertThat(caseOf(invoice).orElseThrow().promise()).hasValueSatisfying(p ->
                assertThat(p.payBy()).isEqualTo(LocalDate.of(2026, 4, 10)));
        given().get("/customers/" + invoice.customerId() + "/history").then().statusCode(200)
                .body("kind", equalTo(List.of("REMINDER_REQUESTED", "CALL", "CALL")))
                .body("[1].detail", equalTo("PHONE_TASK: NO_ANSWER"))
                .body("[2].detail", equalTo("PHONE_TASK: PROMISE_TO_PAY of 5000.00 EUR by 2026-04-10"));
        call(itemId, "{\"outcome\":\"REACHED\"}").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aBrokenPromiseIsOnTheWorklist() {
        InvoiceIssued invoice = issued("1000.00");
        assign(invoice.customerId());
        given().contentType(ContentType.JSON).body("{\"payBy\":\"2026-03-20\",\"amount\":\"1000.00\"}")
                .post("/invoices/" + invoice.invoiceId() + "/promise").then().statusCode(200);
        LocalDate broken = LocalDate.of(2026, 3, 26);
        clock.setToday(broken);
        sweepOn(broken);

        given().queryParam("assignee", collector).get("/worklist").then().statusCode(200)
                .body("items.kind", equalTo(List.of("BROKEN_PROMISE")))
                .body("items[0].invoiceIds", equalTo(List.of(invoice.invoiceId().toString())));
    }

    @Test
    void aDisputeOpenLongerThanTheLimitIsOnTheWorklistUntilItIsResolved() {
        InvoiceIssued invoice = issued("750.00");
        assign(invoice.customerId());
        kafka.publish(Facts.dispute(invoice, LocalDate.of(2026, 3, 1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(invoice).map(DunningCase::isDisputed).orElse(false));

        given().queryParam("assignee", collector).get("/worklist").then().body("items", empty());
        String itemId = given().queryParam("assignee", collector).queryParam("disputeDays", 5).get("/worklist")
                .then().statusCode(200)
                .body("items.kind", equalTo(List.of("DISPUTE")))
                .body("items[0].since", equalTo("2026-03-01"))
                .extract().path("items[0].itemId");
        given().queryParam("disputeDays", -1).get("/worklist").then().statusCode(400)
                .contentType("application/problem+json");

        call(itemId, "{\"outcome\":\"REACHED\",\"note\":\"credit note requested from sales\"}").then().statusCode(204);
        given().queryParam("assignee", collector).queryParam("disputeDays", 5).get("/worklist").then()
                .body("items.itemId", equalTo(List.of(itemId)));
    }

    @Test
    void theHandOverCarriesItsEvidenceFileAndIsOnTheWorklist() {
        InvoiceIssued invoice = issued("5000.00");
        String customer = invoice.customerId();
        assign(customer);
        sweepOn(FIRST_REMINDER_DAY);
        String requested = EventType.REMINDER_REQUESTED_V1.ceType();
        JsonNode email = kafka.readUntil(Topics.DUNNING_EVENTS, customer,
                r -> r.stream().anyMatch(p -> requested.equals(p.ceType())), Duration.ofSeconds(30)).stream()
                .filter(p -> requested.equals(p.ceType())).findFirst().orElseThrow().value();
        kafka.publish(Facts.emailSent(customer, UUID.fromString(email.get("reminderId").asText())));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/customers/" + customer + "/history")
                .then().body("kind", hasItems("REMINDER_REQUESTED", "REMINDER_SENT")));

        clock.setToday(FORMAL_NOTICE_DAY);
        sweepOn(FORMAL_NOTICE_DAY);
        clock.setToday(HAND_OVER_DAY);
        sweepOn(HAND_OVER_DAY);

        String escalatedType = EventType.DUNNING_ESCALATED_V1.ceType();
        JsonNode escalated = kafka.readUntil(Topics.DUNNING_EVENTS, customer,
                        r -> r.stream().anyMatch(p -> escalatedType.equals(p.ceType())), Duration.ofSeconds(30))
                .stream().filter(p -> escalatedType.equals(p.ceType())).findFirst().orElseThrow().value();
        JsonNode evidence = escalated.get("evidence");
        assertThat(escalated.get("toStepIndex").asInt()).isEqualTo(5);
        assertThat(evidence.get("amountOpen").asText()).isEqualTo("5000.00");
        assertThat(evidence.get("recoveryIndemnity").asText()).isEqualTo("40.00");
        assertThat(new BigDecimal(evidence.get("lateInterest").asText())).isPositive();
        assertThat(evidence.get("reminders")).hasSize(2);
        assertThat(evidence.get("reminders").get(0).get("outcome").asText()).isEqualTo("SENT");
        assertThat(evidence.get("reminders").get(0).get("outcomeChannel").asText()).isEqualTo("EMAIL");
        assertThat(evidence.get("reminders").get(1).get("outcome").asText()).isEqualTo("REQUESTED");
        assertThat(evidence.get("formalNotice").get("reminderId").asText())
                .isEqualTo(evidence.get("reminders").get(1).get("reminderId").asText());
        assertThat(evidence.get("formalNotice").get("responseDeadline").asText()).isEqualTo("2026-04-24");
        assertThat(evidence.get("formalNotice").get("recoveryIndemnity").asText()).isEqualTo("40.00");

        given().queryParam("assignee", collector).get("/worklist").then()
                .body("items.kind", equalTo(List.of("HAND_OVER")));
    }

    @Test
    void anInsolventCustomersClaimIsListedWithItsDeclarationDeadline() {
        InvoiceIssued invoice = issued("300.00");
        kafka.publish(Facts.insolvent(invoice.customerId(), LocalDate.of(2026, 3, 5)));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(invoice).map(DunningCase::isClosed).orElse(false));

        given().get("/insolvency-claims?limit=5000").then().statusCode(200)
                .body("find { it.invoiceId == '" + invoice.invoiceId() + "' }.declareBy", equalTo("2026-05-05"))
                .body("find { it.invoiceId == '" + invoice.invoiceId() + "' }.amountOpen", equalTo(300.00f));
    }

    private InvoiceIssued issued(String amount) {
        InvoiceIssued invoice = Facts.invoice("W-" + UUID.randomUUID(), "F-1", DUE, amount);
        kafka.publish(invoice);
        await().atMost(Duration.ofSeconds(30)).until(() -> caseOf(invoice).map(DunningCase::isIssued).orElse(false));
        return invoice;
    }

    private void assign(String customer) {
        given().contentType(ContentType.JSON).body("{\"assignee\":\"" + collector + "\"}")
                .put("/customers/" + customer + "/assignee").then().statusCode(200)
                .body("assignee", equalTo(collector));
    }

    private static io.restassured.response.Response call(String itemId, String body) {
        return given().contentType(ContentType.JSON).body(body).post("/worklist/" + itemId + "/outcome");
    }

    private void sweepOn(LocalDate day) {
        OnVertx.await(vertx, () -> sweep.sweep(day));
    }

    private Optional<DunningCase> caseOf(InvoiceIssued invoice) {
        return OnVertx.inTransaction(vertx, session -> store.caseOf(session, invoice.invoiceId()));
    }
}
