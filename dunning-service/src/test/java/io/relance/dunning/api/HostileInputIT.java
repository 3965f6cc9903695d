package io.relance.dunning.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.dunning.application.ApplyFacts;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.Money;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.testing.HostileJson;
import io.relance.dunning.testing.OnVertx;
import io.relance.dunning.testing.TestClock;
import io.relance.dunning.testing.Tokens;
import io.relance.servers.RelanceServersTestResource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hostile input on every write endpoint, with an admin token so that only the input is judged: every field broken
 * in turn, random combinations from a seed ({@code -Dfuzz.seed=} replays one), and bodies that are not JSON. Never
 * a 500, every refusal a problem document (a 400 naming a field and its rule), and a refusal changes nothing.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class HostileInputIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 9);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Write(String method, String path, String validBody) {
    }

    /** What came back, read without a client that would pretty-print a 100,000-deep body into the test's heap. */
    private record Answer(int status, String contentType, String body) {
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    Vertx vertx;
    @Inject
    TestClock clock;
    @Inject
    ApplyFacts facts;
    @Inject
    DunningStore store;

    private String customer;
    private UUID invoice;
    private String policy;

    private String admin;

    @BeforeEach
    void anOpenInvoiceOfOneThousandEuros() {
        Tokens.actAs("admin");
        admin = Tokens.of("admin");
        clock.setToday(TODAY);
        customer = "C-fuzz-" + UUID.randomUUID();
        invoice = UUID.randomUUID();
        policy = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
        OnVertx.inTransaction(vertx, session -> facts.invoiceIssued(session, customer, invoice,
                new DunningCase.InvoiceDetails("F-fuzz", DUE.minusDays(30), DUE, Money.of("1000.00", "EUR"))));
    }

    private List<Write> writes() {
        return List.of(
                new Write("PUT", "/policies/" + policy, """
                        {"name":"Fuzz","sendsOnNonBusinessDays":false,"steps":[{"name":"first","offsetDays":7,
                        "channels":["EMAIL"],"templateKey":"reminder","tone":"FRIENDLY","minimumAmount":"10.00",
                        "charges":["LATE_INTEREST"],"responseDays":8}]}"""),
                new Write("PUT", "/policy-assignments/RISKY", "{\"policyId\":\"fr-b2b-default\"}"),
                new Write("PUT", "/customers/" + customer + "/policy", "{\"policyId\":\"fr-b2b-default\"}"),
                new Write("PUT", "/customers/" + customer + "/contract-rate", "{\"annualRate\":\"8.00\"}"),
                new Write("PUT", "/customers/" + customer + "/assignee", "{\"assignee\":\"collector-1\"}"),
                new Write("PUT", "/customers/" + customer + "/hold",
                        "{\"reason\":\"audit\",\"startsOn\":\"2026-03-10\",\"endsOn\":\"2026-03-20\"}"),
                new Write("PUT", "/invoices/" + invoice + "/exclusion",
                        "{\"reason\":\"audit\",\"startsOn\":\"2026-03-10\",\"endsOn\":\"2026-03-20\"}"),
                new Write("POST", "/invoices/" + invoice + "/promise",
                        "{\"payBy\":\"2026-03-20\",\"amount\":\"400.00\",\"graceDays\":3}"),
                new Write("POST", "/invoices/" + invoice + "/payment-plan", """
                        {"instalments":[{"dueOn":"2026-03-20","amount":"400.00"},{"dueOn":"2026-04-20","amount":"600.00"}],
                        "graceDays":3}"""),
                new Write("POST", "/worklist/" + UUID.randomUUID() + "/outcome", """
                        {"outcome":"PROMISE_TO_PAY","payBy":"2026-03-20","amount":"100.00","invoiceId":"%s","note":"called"}"""
                        .formatted(invoice)));
    }

    @Test
    void hostileBodiesOnEveryWriteEndpointAreProblemsAndChangeNothing() {
        List<String> wrong = new ArrayList<>();
        for (Write write : writes()) {
            List<String> bodies = new ArrayList<>(HostileJson.oneFieldBroken(write.validBody()));
            bodies.addAll(HostileJson.randomlyBroken(write.validBody(), SEED + write.path().hashCode(), 40));
            bodies.addAll(HostileJson.MALFORMED);
            for (String body : bodies) {
                List<Object> before = state();
                Answer answer = send(write.method(), write.path(), body);
                String failure = judge(answer);
                if (failure == null && answer.status() >= 400 && !state().equals(before)) {
                    failure = "refused, yet the state changed";
                }
                if (failure != null) {
                    wrong.add(write.method() + " " + write.path() + " " + abbreviated(body) + ": " + failure);
                }
            }
        }
        assertThat(wrong).as("seed " + SEED).isEmpty();
    }

    @Test
    void hostileQueryAndPathParametersAreProblems() {
        List<String> wrong = new ArrayList<>();
        // 3,000 characters: long enough for every rule, short enough for the request line to reach the service.
        List<String> values = List.of("", "-1", "0", "2147483648", "9999999999999999999", "1e3", "abc", "2026-02-30",
                "+999999999-12-31", "-999999999-01-01", "\u0000", "\uD83D\uDE00", "x".repeat(3_000), "../../etc/passwd",
                "%", "' OR 1=1 --");
        for (String value : values) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (Map.Entry<String, String> call : Map.of(
                    "/preview?date=" + encoded, "date", "/preview?date=2026-03-09&limit=" + encoded, "limit",
                    "/worklist?disputeDays=" + encoded, "disputeDays", "/worklist?limit=" + encoded, "limit",
                    "/worklist?after=" + encoded, "after", "/insolvency-claims?limit=" + encoded, "limit",
                    "/customers/" + encoded + "/history", "customerId", "/policies/" + encoded + "/versions", "policyId",
                    "/policy-assignments", "none").entrySet()) {
                String failure = judge(send("GET", call.getKey(), null));
                if (failure != null) {
                    wrong.add("GET " + abbreviated(call.getKey()) + ": " + failure);
                }
            }
            for (String path : List.of("/invoices/" + encoded + "/promise", "/worklist/" + encoded + "/outcome",
                    "/policy-assignments/" + encoded)) {
                String method = path.startsWith("/policy") ? "PUT" : "POST";
                String failure = judge(send(method, path, "{}"));
                if (failure != null) {
                    wrong.add(method + " " + abbreviated(path) + ": " + failure);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWithAProblemBeforeItIsRead() {
        String huge = "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}";

        List<Object> before = state();

        given().contentType(ContentType.JSON).body(huge).put("/customers/" + customer + "/hold")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
        assertThat(state()).isEqualTo(before);
    }

    /**
     * Vert.x's HTTP codec answers a request line above 4096 bytes with a bare 414 before any application code runs;
     * Quarkus offers no hook to shape it (quarkusio/quarkus#55082), so that one refusal is not a problem document.
     */
    private static final int URI_TOO_LONG = 414;

    /** Null when the answer is right: below 500, and every refusal a problem document naming what was wrong. */
    private static String judge(Answer answer) {
        int status = answer.status();
        if (status >= 500) {
            return status + " " + abbreviated(answer.body());
        }
        if (status < 400 || status == URI_TOO_LONG && answer.body().isEmpty()) {
            return null;
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return status + " as " + answer.contentType();
        }
        JsonNode error = parse(answer.body()).path("errors").path(0);
        if (status == 400 && (error.path("field").asText().isBlank() || error.path("rule").asText().isBlank())) {
            return "400 without the field and rule: " + abbreviated(answer.body());
        }
        return null;
    }

    /** A request with the admin token; one that hangs (a billion-digit amount, say) fails instead of blocking. */
    private Answer send(String method, String pathAndQuery, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery.substring(1)))
                .timeout(Duration.ofSeconds(15)).header("Authorization", "Bearer " + admin);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            return new Answer(599, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    /** What a refused write must leave alone: the invoice's case, the customer's settings, policies and assignments. */
    private List<Object> state() {
        try {
            Object dunningCase = OnVertx.inTransaction(vertx, s -> store.caseOf(s, invoice)).map(CaseResponse::of);
            Object debtor = OnVertx.inTransaction(vertx, s -> store.debtor(s, customer))
                    .map(HoldResource.DebtorResponse::of);
            return List.of(dunningCase, debtor, given().get("/policies").asString(),
                    given().get("/policy-assignments").asString());
        } catch (RuntimeException e) {
            // Reported as a changed state, so that one broken write does not hide the others.
            return List.of("unreadable: " + e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
