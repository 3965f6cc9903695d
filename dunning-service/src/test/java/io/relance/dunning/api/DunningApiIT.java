package io.relance.dunning.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.dunning.application.ApplyFacts;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.Money;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.StoredReminder;
import io.relance.dunning.testing.OnVertx;
import io.relance.dunning.testing.TestClock;
import io.relance.dunning.testing.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The REST API on the real database: policies, holds with their problem documents and the preview. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class DunningApiIT {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 9);

    @Inject
    Vertx vertx;
    @Inject
    TestClock clock;
    @Inject
    ApplyFacts facts;
    @Inject
    DunningStore store;

    @BeforeEach
    void today() {
        Tokens.actAs("admin");
        clock.setToday(TODAY);
    }

    @Test
    void theDefaultFrenchPolicyIsSeeded() {
        given().get("/policies").then().statusCode(200)
                .body("find { it.id == 'fr-b2b-default' }.steps.offsetDays", equalTo(List.of(-3, 7, 21, 30, 45, 60)));
    }

    @Test
    void eachChangeOfAPolicyIsANewVersion() {
        String id = "p-" + UUID.randomUUID().toString().substring(0, 8);
        given().contentType(ContentType.JSON).body(policy("EMAIL", 7, 14)).put("/policies/" + id)
                .then().statusCode(201).body("version", equalTo(1));
        given().contentType(ContentType.JSON).body(policy("LETTER", 10, 20)).put("/policies/" + id)
                .then().statusCode(201).body("version", equalTo(2));

        given().get("/policies/" + id + "/versions").then().statusCode(200)
                .body("version", equalTo(List.of(1, 2)))
                .body("[1].steps[0].channels[0]", equalTo("LETTER"));
    }

    @Test
    void stepsOutOfOrderDuplicateOffsetsAndUnknownChannelsAreRefusedWithAProblem() {
        given().contentType(ContentType.JSON).body(policy("EMAIL", 14, 7)).put("/policies/bad-order")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("steps[1].offsetDays"))
                .body("errors[0].rule", containsString("in order"));
        given().contentType(ContentType.JSON).body(policy("EMAIL", 7, 7)).put("/policies/bad-duplicate")
                .then().statusCode(400).body("errors[0].rule", containsString("used twice"));
        given().contentType(ContentType.JSON).body(policy("FAX", 7, 14)).put("/policies/bad-channel")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("steps[0].channels[0]"))
                .body("errors[0].rule", containsString("must be one of EMAIL"));
        given().get("/policies/bad-order/versions").then().statusCode(404);
    }

    @Test
    void aSegmentCannotBeAssignedAPolicyThatDoesNotExist() {
        given().contentType(ContentType.JSON).body("{\"policyId\":\"no-such-policy\"}")
                .put("/policy-assignments/RISKY")
                .then().statusCode(400).body("errors[0].field", equalTo("policyId"));
    }

    @Test
    void aCommandOnAnUnknownInvoiceIsAProblemNamingTheInvoice() {
        given().contentType(ContentType.JSON).body("{\"payBy\":\"2026-03-20\",\"amount\":\"10.00\"}")
                .post("/invoices/" + UUID.randomUUID() + "/promise")
                .then().statusCode(404).contentType("application/problem+json")
                .body("errors[0].field", equalTo("invoiceId"));
    }

    @Test
    void aPromiseInThePastIsRefusedAndNothingChanges() {
        UUID invoice = issue("C-" + UUID.randomUUID(), "1000.00");

        given().contentType(ContentType.JSON).body("{\"payBy\":\"2026-03-01\",\"amount\":\"10.00\"}")
                .post("/invoices/" + invoice + "/promise")
                .then().statusCode(400).body("errors[0].field", equalTo("payBy"));
        assertThat(caseOf(invoice).promise()).isEmpty();

        given().contentType(ContentType.JSON).body("{\"payBy\":\"2026-03-20\",\"amount\":\"400.00\"}")
                .post("/invoices/" + invoice + "/promise")
                .then().statusCode(200).body("promise.payBy", equalTo("2026-03-20"))
                .body("promise.graceDays", equalTo(3));
    }

    @Test
    void anAmountWithMoreDecimalsThanItsCurrencyIsRefusedRatherThanRounded() {
        UUID invoice = issue("C-" + UUID.randomUUID(), "1000.00");

        given().contentType(ContentType.JSON).body("{\"payBy\":\"2026-03-20\",\"amount\":\"10.001\"}")
                .post("/invoices/" + invoice + "/promise")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("amount"))
                .body("errors[0].rule", containsString("at most 2 decimals in EUR"));
        assertThat(caseOf(invoice).promise()).isEmpty();
    }

    @Test
    void aPlanWhoseInstalmentsDoNotAddUpIsRefused() {
        UUID invoice = issue("C-" + UUID.randomUUID(), "1000.00");

        given().contentType(ContentType.JSON).body("""
                        {"instalments":[{"dueOn":"2026-03-20","amount":"400.00"},{"dueOn":"2026-04-20","amount":"500.00"}]}""")
                .post("/invoices/" + invoice + "/payment-plan")
                .then().statusCode(400).body("errors[0].field", equalTo("instalments"))
                .body("errors[0].rule", containsString("add up to the open balance 1000.00"));
        assertThat(caseOf(invoice).plan()).isEmpty();

        given().contentType(ContentType.JSON).body("""
                        {"instalments":[{"dueOn":"2026-03-20","amount":"400.00"},{"dueOn":"2026-04-20","amount":"600.00"}]}""")
                .post("/invoices/" + invoice + "/payment-plan")
                .then().statusCode(200).body("plan.size()", equalTo(2));
    }

    @Test
    void aHoldEndingBeforeItStartsIsRefused() {
        UUID invoice = issue("C-" + UUID.randomUUID(), "1000.00");

        given().contentType(ContentType.JSON).body("{\"reason\":\"audit\",\"startsOn\":\"2026-03-10\",\"endsOn\":\"2026-03-09\"}")
                .put("/invoices/" + invoice + "/exclusion")
                .then().statusCode(400).body("errors[0].field", equalTo("endsOn"));
        given().contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .put("/customers/C-1/hold")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
    }

    @Test
    void thePreviewTellsWhatWouldBeSentAndSendsNothing() {
        String customer = "C-" + UUID.randomUUID();
        issue(customer, "250.00");

        given().queryParam("date", "2026-03-09").get("/preview").then().statusCode(200)
                .body("reminders.find { it.customerId == '" + customer + "' }.stepIndex", equalTo(1))
                .body("reminders.find { it.customerId == '" + customer + "' }.channels", equalTo(List.of("EMAIL")))
                .body("reminders.find { it.customerId == '" + customer + "' }.totalOpen", equalTo(250.00f));
        List<StoredReminder> stored = OnVertx.inTransaction(vertx, s -> store.remindersOf(s, customer));
        assertThat(stored).isEmpty();
        given().get("/preview").then().statusCode(400).contentType("application/problem+json");
    }

    private UUID issue(String customer, String amount) {
        UUID invoice = UUID.randomUUID();
        OnVertx.inTransaction(vertx, session -> facts.invoiceIssued(session, customer, invoice,
                new DunningCase.InvoiceDetails("F-" + invoice, DUE.minusDays(30), DUE, Money.of(amount, "EUR"))));
        return invoice;
    }

    private DunningCase caseOf(UUID invoice) {
        return OnVertx.inTransaction(vertx, session -> store.caseOf(session, invoice)).orElseThrow();
    }

    private static String policy(String channel, int firstOffset, int secondOffset) {
        return """
                {"name":"test","sendsOnNonBusinessDays":false,"steps":[
                 {"name":"first","offsetDays":%d,"channels":["%s"],"templateKey":"t1","tone":"FRIENDLY"},
                 {"name":"second","offsetDays":%d,"channels":["EMAIL"],"templateKey":"t2","tone":"FIRM"}]}"""
                .formatted(firstOffset, channel, secondOffset);
    }
}
