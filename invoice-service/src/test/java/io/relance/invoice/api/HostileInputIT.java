package io.relance.invoice.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.invoice.Tokens;
import io.relance.invoice.testing.HostileJson;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every endpoint of /q/openapi, with an admin token so that only the input is judged: every field
 * of a valid body broken in turn, random combinations from a seed ({@code -Dfuzz.seed=} replays one), bodies that are
 * not JSON, bad path and query parameters. Never a 500, every refusal a problem document (a 400 naming a field and
 * its rule), and a refusal writes nothing: the rows of every table, invoices' balances and statuses, the customer as read.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class HostileInputIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private record Write(String method, String path, String validBody) {
    }

    /** What came back, read without a client that would pretty-print a 50,000-deep body into the test's heap. */
    private record Answer(int status, String contentType, String body) {
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;

    private String admin;
    private String customer;
    private String credited;
    private String cancelled;
    private String writtenOff;
    private String dispute;

    @BeforeEach
    void aCustomerWithOpenInvoicesAndADispute() {
        Tokens.actAs("admin");
        admin = "Bearer " + Tokens.of("admin");
        customer = "C-fuzz-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(customerBody()).put("/customers/" + customer).then().statusCode(201);
        credited = invoice();
        cancelled = invoice();
        writtenOff = invoice();
        dispute = given().contentType(ContentType.JSON)
                .body("{\"reason\":\"PRICE\",\"disputedAmount\":\"100.00\",\"currency\":\"EUR\"}")
                .post("/invoices/" + invoice() + "/disputes").then().statusCode(201).extract().path("id");
    }

    private String customerBody() {
        return """
                {"sourceSystem":"fuzz","externalId":"%s","legalName":"ACME SAS","sirenOrVat":"821455391",
                 "emails":["compta@acme.example"],"phone":"+33612345678",
                 "address":{"lines":["3 place Saint-Jean"],"postalCode":"31000","city":"Toulouse","countryCode":"FR"},
                 "language":"fr","segment":"NEW","paymentTermsDays":30,
                 "insolvency":{"type":"SAFEGUARD","openedOn":"2026-01-05"}}""".formatted(customer);
    }

    private String invoice() {
        return given().contentType(ContentType.JSON).body(issueBody()).post("/invoices").then().statusCode(201)
                .extract().path("id");
    }

    private String issueBody() {
        return """
                {"customerId":"%s","number":"FZ-%s","amount":"1000.00","currency":"EUR","issueDate":"2026-03-02",
                 "dueDate":"2026-04-01"}""".formatted(customer, UUID.randomUUID());
    }

    private String erpBody() {
        return """
                {"sourceSystem":"fuzz","externalId":"%s","invoiceNumber":"FZ-%s","customerId":"%s",
                 "issueDate":"2026-03-02","dueDate":"2026-04-01","amount":"14280.00","currency":"EUR",
                 "customer":{"customerId":"%s","sourceSystem":"fuzz","externalId":"%s","legalName":"ACME SAS",
                 "sirenOrVat":"821455391","emails":["compta@acme.example"],"phone":"+33612345678","language":"fr",
                 "segment":"NEW","paymentTermsDays":30,
                 "address":{"lines":["3 place Saint-Jean"],"postalCode":"31000","city":"Toulouse","countryCode":"FR"}}}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), customer, customer, customer);
    }

    private List<Write> writes() {
        return List.of(
                new Write("PUT", "/customers/" + customer, customerBody()),
                new Write("POST", "/invoices", issueBody()),
                new Write("POST", "/erp/invoices", erpBody()),
                new Write("POST", "/erp/invoices/batch", "[" + erpBody() + "]"),
                new Write("POST", "/invoices/" + credited + "/credit-notes", """
                        {"number":"AV-%s","amount":"10.00","currency":"EUR","issueDate":"2026-03-05","reason":"price"}"""
                        .formatted(UUID.randomUUID())),
                new Write("POST", "/invoices/" + credited + "/disputes",
                        "{\"reason\":\"QUALITY\",\"disputedAmount\":\"100.00\",\"currency\":\"EUR\",\"comment\":\"dented\"}"),
                new Write("POST", "/invoices/" + cancelled + "/cancellation", "{\"reason\":\"issued twice\"}"),
                new Write("POST", "/invoices/" + writtenOff + "/write-off", "{\"reason\":\"uncollectable\"}"),
                new Write("POST", "/disputes/" + dispute + "/resolution", """
                        {"outcome":"ACCEPTED","creditNote":{"number":"AV-%s","amount":"10.00","currency":"EUR"},
                         "comment":"agreed"}""".formatted(UUID.randomUUID())));
    }

    @Test
    void hostileBodiesOnEveryWriteEndpointAreProblemsAndWriteNothing() {
        List<String> wrong = new ArrayList<>();
        List<Object> state = state();
        for (Write write : writes()) {
            List<String> bodies = new ArrayList<>();
            // A batch item is read as POST /erp/invoices reads its body: only the batch's own shape is fuzzed in full.
            if (!write.path().endsWith("/batch")) {
                bodies.addAll(HostileJson.oneFieldBroken(write.validBody()));
            }
            bodies.addAll(HostileJson.randomlyBroken(write.validBody(), SEED + write.path().hashCode(), 20));
            bodies.addAll(HostileJson.MALFORMED);
            for (String body : bodies) {
                Answer answer = send(write.method(), write.path(), body);
                String failure = judge(answer);
                List<Object> after = state();
                if (failure == null && answer.status() >= 400 && !after.equals(state)) {
                    failure = "refused, yet something was written";
                }
                state = after;
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
        List<String> values = List.of("", " ", "-1", "0", "501", "2147483648", "9999999999999999999", "1e999999999",
                "abc", "true", "OPEN", "2026-02-30", "+999999999-12-31", "-999999999-01-01", "\u0000", "\uD83D\uDE00",
                "x".repeat(3_000), "../../etc/passwd", "%", "' OR 1=1 --", "2026-04-01_not-a-uuid",
                "00000000-0000-0000-0000-000000000000");
        for (String value : values) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            List<String> reads = new ArrayList<>(List.of("/customers/" + encoded,
                    "/customers/" + customer + "/statement?asOf=" + encoded, "/customers/" + encoded + "/statement",
                    "/invoices/" + encoded, "/invoices/" + encoded + "/timeline"));
            for (String parameter : List.of("customerId", "status", "overdue", "dueFrom", "dueTo", "minAmount",
                    "maxAmount", "after", "limit")) {
                reads.add("/invoices?" + parameter + "=" + encoded);
            }
            for (String path : reads) {
                String failure = judge(send("GET", path, null));
                if (failure != null) {
                    wrong.add("GET " + abbreviated(path) + ": " + failure);
                }
            }
            for (String path : List.of("/invoices/" + encoded + "/credit-notes", "/invoices/" + encoded + "/cancellation",
                    "/invoices/" + encoded + "/write-off", "/invoices/" + encoded + "/disputes",
                    "/disputes/" + encoded + "/resolution", "/customers/" + encoded + "/erasure")) {
                List<Object> before = state();
                String failure = judge(send("POST", path, "{}"));
                if (failure == null && !state().equals(before)) {
                    failure = "something was written";
                }
                if (failure != null) {
                    wrong.add("POST " + abbreviated(path) + ": " + failure);
                }
            }
            String failure = judge(send("PUT", "/customers/" + encoded, "{}"));
            if (failure != null) {
                wrong.add("PUT /customers/" + abbreviated(encoded) + ": " + failure);
            }
        }
        assertThat(wrong).isEmpty();
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
    private Answer send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(15)).header("Authorization", admin);
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

    /** What a refused request must leave alone: the rows of each table, invoices' balances and statuses, the customer. */
    private List<Object> state() {
        List<Object> state = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM invoice), (SELECT count(*) FROM customer),
                            (SELECT count(*) FROM credit_note), (SELECT count(*) FROM dispute),
                            (SELECT count(*) FROM invoice_timeline), (SELECT sum(open_amount) FROM invoice),
                            (SELECT string_agg(status, ',' ORDER BY id) FROM invoice)""")) {
            row.next();
            for (int i = 1; i <= 7; i++) {
                state.add(row.getString(i));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        state.add(given().get("/customers/" + customer).asString());
        return state;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
