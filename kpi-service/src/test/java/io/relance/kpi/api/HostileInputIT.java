package io.relance.kpi.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.kpi.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hostile parameters on every endpoint (all are reads), with an admin token, and the peers' secret on the internal
 * ones, so that only the input is judged: each parameter broken in turn, then several at once drawn from a seed
 * ({@code -Dfuzz.seed=} replays one). Never a 500, every refusal a problem document naming the parameter.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class HostileInputIT {

    /** The query entry that stands for the path segment rather than a parameter. */
    private static final String SEGMENT = "(path segment)";
    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final List<String> VALUES = List.of("", " ", "-1", "0", "31", "2147483648", "9999999999999999999",
            "1e3", "abc", "eur", "EURO", "2026-02-30", "2026-13-01", "+999999999-12-31", "-999999999-01-01",
            "0000-01-01", "9999-12-31", "+10000-01-01", "1899-12-31", "\u0000", "\uD83D\uDE00", "x".repeat(5_000),
            "../../etc/passwd", "%", "' OR 1=1 --", "day", "year");

    private record Read(String path, Map<String, String> valid, boolean internal) {
    }

    private static final List<Read> READS = List.of(
            new Read("/kpis", params("asOf", "2026-03-31", "window", "90", "currency", "EUR", "segment", "RISKY"), false),
            new Read("/kpis/customers/C-1", params("asOf", "2026-03-31", "window", "30", "currency", "EUR"), false),
            new Read("/kpis/aging", params("asOf", "2026-03-31", "currency", "EUR", "segment", "NEW"), false),
            new Read("/kpis/history", params("from", "2026-01-31", "to", "2026-03-31", "step", "month", "window", "30",
                    "currency", "EUR", "segment", "REGULAR"), false),
            new Read("/kpis/receivables", params(), false),
            new Read("/kpis/internal/sums", params("day", "2026-03-31", "window", "30"), true),
            new Read("/kpis/internal/customers/C-1", params("asOf", "2026-03-31", "window", "30"), true),
            new Read("/kpis/internal/revenue", params("currency", "EUR", "month", "2026-03", "segment", "RISKY"), true));

    private String admin;

    @BeforeEach
    void asAnAdminOnceTheStoresAnswer() {
        RestAssured.requestSpecification = null;
        admin = Tokens.of("admin");
        // Until the stores answer every read is a 503, which would prove nothing about the input.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(admin).get("/kpis")
                .then().statusCode(200));
    }

    @Test
    void hostileParametersOnEveryEndpointAreProblemsNeverFailures() {
        List<String> wrong = new ArrayList<>();
        Random random = new Random(SEED);
        for (Read read : READS) {
            List<Map<String, String>> queries = new ArrayList<>();
            for (String name : read.valid().keySet()) {
                for (String value : VALUES) {
                    Map<String, String> query = new LinkedHashMap<>(read.valid());
                    query.put(name, value);
                    queries.add(query);
                }
            }
            List<String> names = new ArrayList<>(read.valid().keySet());
            for (int i = 0; i < 30 && !names.isEmpty(); i++) {
                Map<String, String> query = new LinkedHashMap<>(read.valid());
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    String name = names.get(random.nextInt(names.size()));
                    if (random.nextInt(5) == 0) {
                        query.remove(name);
                    } else {
                        query.put(name, VALUES.get(random.nextInt(VALUES.size())));
                    }
                }
                queries.add(query);
            }
            for (String value : VALUES) {
                if (read.path().endsWith("/C-1")) {
                    queries.add(Map.of(SEGMENT, value));
                }
            }
            for (Map<String, String> query : queries) {
                String url = url(read, query);
                String failure = judge(request(read).get(url));
                if (failure != null) {
                    wrong.add("GET " + abbreviated(url) + ": " + failure);
                }
            }
        }
        assertThat(wrong).as("seed " + SEED).isEmpty();
    }

    @Test
    void aBodyAboveTheLimitIsRefusedWithAProblemBeforeItIsRead() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("[" + "1,".repeat(10_000) + "1]").post("/kpis")
                .then().statusCode(413).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    private RequestSpecification request(Read read) {
        return read.internal()
                ? given().urlEncodingEnabled(false).header(InternalKpiResource.PEER_SECRET_HEADER, "test-only-peer-secret")
                : given().urlEncodingEnabled(false).auth().oauth2(admin);
    }

    /** The path (its customer id replaced when the query says so) with the parameters URL-encoded. */
    private static String url(Read read, Map<String, String> query) {
        String path = read.path();
        if (query.containsKey(SEGMENT)) {
            return path.replace("/C-1", "/" + encode(query.get(SEGMENT)));
        }
        String parameters = query.entrySet().stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return parameters.isEmpty() ? path : path + "?" + parameters;
    }

    /**
     * Vert.x's HTTP codec answers a request line above 4096 bytes with a bare 414 before any application code runs;
     * Quarkus offers no hook to shape it (quarkusio/quarkus#55082), so that one refusal is not a problem document.
     */
    private static final int URI_TOO_LONG = 414;

    /** Null when the answer is right: below 500, and every refusal a problem document naming what was wrong. */
    private static String judge(Response response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " " + abbreviated(response.asString());
        }
        if (status < 400 || status == URI_TOO_LONG && response.asString().isEmpty()) {
            return null;
        }
        if (!String.valueOf(response.contentType()).startsWith("application/problem+json")) {
            return status + " as " + response.contentType();
        }
        if (status == 400 && (response.path("errors[0].field") == null || response.path("errors[0].rule") == null)) {
            return "400 without the parameter and rule: " + abbreviated(response.asString());
        }
        return null;
    }

    private static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " chars)";
    }
}
