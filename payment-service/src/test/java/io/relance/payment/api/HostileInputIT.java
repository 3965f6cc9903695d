package io.relance.payment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.payment.application.PaymentLinks;
import io.relance.payment.config.PaymentConfig;
import io.relance.payment.domain.WebhookSignature;
import io.relance.payment.provider.SandboxPaymentProvider;
import io.relance.payment.support.HostileJson;
import io.relance.payment.support.Tokens;
import io.relance.servers.RelanceServersTestResource;
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
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on every endpoint of /q/openapi, with a token (or link, or webhook signature) that is accepted, so that
 * only the input is judged: every field of a valid body broken in turn, random combinations from a seed
 * ({@code -Dfuzz.seed=} replays one), bodies that are not JSON, bad path and query parameters, oversized bodies.
 * Never a 500, every refusal a problem document (a 400 naming a field and its rule), and a refusal writes nothing.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class HostileInputIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** A write: where, and the valid body its hostile variants derive from; the path is made afresh per request. */
    private record Write(String method, Supplier<String> path, String validBody) {
    }

    /** What came back, read without a client that would pretty-print a 50,000-deep body into the test's heap. */
    private record Answer(int status, String contentType, String body) {
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    PaymentLinks links;
    @Inject
    PaymentConfig config;
    @Inject
    Clock clock;

    private String admin;
    private String queued;
    private String customer;

    @BeforeEach
    void aQueuedPayment() {
        admin = Tokens.bearer("admin");
        customer = "C-fuzz-" + UUID.randomUUID();
        Answer recorded = send("POST", "/payments", validPayment(), Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        queued = parse(recorded.body()).path("id").asText();
    }

    private static String validPayment() {
        return """
                {"amount":"1200.00","currency":"EUR","valueDate":"2026-05-04","payerName":"ACME SAS",
                 "payerIban":"FR7630006000011234567890189","remittance":"Facture F-2026-0001","method":"TRANSFER",
                 "invoiceReferences":["F-fuzz-0001"]}""";
    }

    private List<Write> writes() {
        return List.of(
                new Write("POST", () -> "/payments", validPayment()),
                new Write("POST", () -> "/payments/" + queued + "/match", """
                        {"allocations":[{"invoiceId":"%s","amount":"800.00"}]}""".formatted(UUID.randomUUID())),
                new Write("POST", () -> "/payments/" + queued + "/unmatch", "{\"reason\":\"wrong customer\"}"),
                new Write("POST", () -> "/customers/" + customer + "/unapplied-credit/applications",
                        "{\"invoiceId\":\"%s\",\"amount\":\"50.00\"}".formatted(UUID.randomUUID())),
                new Write("POST", () -> "/payment-links", "{\"customerId\":\"C-1042\",\"validForDays\":30}"),
                // A link of its own per request: one link's rate limit would otherwise answer most of them.
                new Write("POST", () -> "/pay/" + links.issue("C-fuzz-" + UUID.randomUUID(), null).token() + "/checkouts",
                        "{\"invoiceIds\":[\"%s\"]}".formatted(UUID.randomUUID())),
                new Write("POST", () -> "/sandbox/checkout/cs_sandbox_" + UUID.randomUUID() + "/pay",
                        "{\"payerName\":\"ACME SAS\"}"),
                new Write("POST", () -> "/webhooks/" + SandboxPaymentProvider.NAME, """
                        {"id":"evt_fuzz","type":"checkout.session.completed","created":1700000000,
                         "data":{"session":"cs_unknown","clientReference":"%s","amount":"10.00","currency":"EUR",
                         "paidAt":"2026-05-04T10:00:00Z","payerName":"ACME SAS"}}""".formatted(UUID.randomUUID())));
    }

    @Test
    void hostileBodiesOnEveryWriteEndpointAreProblemsAndWriteNothing() {
        List<String> wrong = new ArrayList<>();
        for (Write write : writes()) {
            List<String> bodies = new ArrayList<>(HostileJson.oneFieldBroken(write.validBody()));
            bodies.addAll(HostileJson.randomlyBroken(write.validBody(), SEED + write.path().get().hashCode(), 40));
            bodies.addAll(HostileJson.MALFORMED);
            for (String body : bodies) {
                List<Object> before = state();
                String path = write.path().get();
                Answer answer = send(write.method(), path, body, headers(path, body));
                String failure = judge(answer);
                if (failure == null && answer.status() >= 400 && !state().equals(before)) {
                    failure = "refused, yet something was written";
                }
                if (failure != null) {
                    wrong.add(write.method() + " " + abbreviated(path) + " " + abbreviated(body) + ": " + failure);
                }
            }
        }
        assertThat(wrong).as("seed " + SEED).isEmpty();
    }

    @Test
    void hostileQueryAndPathParametersAreProblems() {
        List<String> wrong = new ArrayList<>();
        // 3,000 characters: long enough for every rule, short enough for the request line to reach the service.
        List<String> values = List.of("", " ", "-1", "0", "501", "2147483648", "9999999999999999999", "1e3", "abc",
                "2026-02-30", "\u0000", "\uD83D\uDE00", "x".repeat(3_000), "../../etc/passwd", "%", "' OR 1=1 --",
                "00000000-0000-0000-0000-000000000000", "not-a-uuid-but-36-characters-long-xx");
        String token = links.issue("C-fuzz-params", null).token();
        for (String value : values) {
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (String path : List.of("/payments/" + encoded, "/payments/unmatched?limit=" + encoded,
                    "/customers/" + encoded + "/unapplied-credit", "/customers/" + encoded + "/open-items",
                    "/pay/" + encoded, "/pay/" + token + "/checkouts/" + encoded, "/sandbox/checkout/" + encoded)) {
                String failure = judge(send("GET", path, null, Map.of()));
                if (failure != null) {
                    wrong.add("GET " + abbreviated(path) + ": " + failure);
                }
            }
            for (String path : List.of("/payments/" + encoded + "/match", "/payments/" + encoded + "/unmatch",
                    "/customers/" + encoded + "/unapplied-credit/applications", "/pay/" + encoded + "/checkouts",
                    "/sandbox/checkout/" + encoded + "/pay", "/webhooks/" + encoded)) {
                List<Object> before = state();
                String failure = judge(send("POST", path, "{}", Map.of()));
                if (failure == null && !state().equals(before)) {
                    failure = "something was written";
                }
                if (failure != null) {
                    wrong.add("POST " + abbreviated(path) + ": " + failure);
                }
            }
            // Only what an HTTP client can put in a header: visible ASCII.
            if (!value.matches("[\\x21-\\x7e]+")) {
                continue;
            }
            String failure = judge(send("POST", "/payments", validPayment(), Map.of("Idempotency-Key", value)));
            if (failure != null) {
                wrong.add("POST /payments with Idempotency-Key " + abbreviated(value) + ": " + failure);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aJsonBodyAboveItsLimitIsRefusedWithAProblemBeforeItIsRead() {
        String huge = "{\"reason\":\"" + "x".repeat(70 * 1024) + "\"}";
        List<Object> before = state();

        Answer answer = send("POST", "/payments/" + queued + "/unmatch", huge, Map.of());

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(parse(answer.body()).path("errors").path(0).path("field").asText()).isEqualTo("body");
        assertThat(state()).isEqualTo(before);
    }

    /** The headers a request needs to be judged on its input: an idempotency key, or the webhook's signature. */
    private Map<String, String> headers(String path, String body) {
        if (path.startsWith("/webhooks/")) {
            WebhookSignature signature = new WebhookSignature(
                    config.sandbox().webhookSecret().getBytes(StandardCharsets.UTF_8), config.sandbox().webhookTolerance());
            return Map.of(SandboxPaymentProvider.SIGNATURE_HEADER,
                    signature.header(clock.instant(), body.getBytes(StandardCharsets.UTF_8)));
        }
        return path.equals("/payments") ? Map.of("Idempotency-Key", UUID.randomUUID().toString()) : Map.of();
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
    private Answer send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path.substring(1)))
                .timeout(Duration.ofSeconds(15)).header("Authorization", admin);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(599, "", "no answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a refused request must leave alone: payments, their allocations, candidates and credit, checkouts, IBANs. */
    private List<Object> state() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM payment), (SELECT coalesce(sum(unapplied), 0) FROM payment),
                            (SELECT count(*) FROM payment WHERE status = 'MATCHED'),
                            (SELECT count(*) FROM payment_allocation), (SELECT count(*) FROM payment_candidate),
                            (SELECT count(*) FROM checkout), (SELECT count(*) FROM known_iban)""")) {
            row.next();
            List<Object> counts = new ArrayList<>();
            for (int i = 1; i <= 7; i++) {
                counts.add(row.getBigDecimal(i).stripTrailingZeros());
            }
            return counts;
        } catch (SQLException e) {
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

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
