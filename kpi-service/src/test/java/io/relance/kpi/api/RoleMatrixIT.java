package io.relance.kpi.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.kpi.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint with every role and without a token: allowed roles get past security (their missing parameters
 * may still be refused, never with 401/403), the others get a 403 problem document, no token a 401 one. The
 * endpoints are checked against the service's own OpenAPI document, so a new endpoint without a row fails here.
 * The internal endpoints answer peers holding the shared secret only, never a user role.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class RoleMatrixIT {

    private static final List<String> ROLES = List.of("erp", "collector", "manager", "admin");
    private static final Set<String> READERS = Set.of("collector", "manager", "admin");
    private static final Set<String> PEERS_ONLY = Set.of();

    private record Endpoint(String method, String path, Set<String> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/kpis", READERS),
            new Endpoint("GET", "/kpis/customers/{customerId}", READERS),
            new Endpoint("GET", "/kpis/aging", READERS),
            new Endpoint("GET", "/kpis/history", READERS),
            new Endpoint("GET", "/kpis/receivables", READERS),
            new Endpoint("GET", "/kpis/internal/sums", PEERS_ONLY),
            new Endpoint("GET", "/kpis/internal/customers/{customerId}", PEERS_ONLY),
            new Endpoint("GET", "/kpis/internal/status", PEERS_ONLY),
            new Endpoint("GET", "/kpis/internal/revenue", PEERS_ONLY));

    private static final Map<String, String> PATH_VALUES = Map.of("customerId", "C-matrix");
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    @BeforeEach
    void withoutDefaultTokenOnceTheStoresAnswer() {
        RestAssured.requestSpecification = null;
        // Until the stores answer an allowed call is a 503, which would prove nothing about security.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.of("admin"))
                .get("/kpis").then().statusCode(200));
    }

    @Test
    void theMatrixHasARowForEveryOperationOfTheOpenApiDocument() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().asString()).path("paths");
        Set<String> documented = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method ->
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

        Set<String> matrix = ENDPOINTS.stream().map(e -> e.method() + " " + e.path())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(matrix).isEqualTo(documented);
    }

    @Test
    void eachRoleReachesExactlyTheEndpointsItIsAllowed() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : ROLES) {
                Response response = call(given().auth().oauth2(Tokens.of(role)), endpoint);
                int status = response.statusCode();
                boolean allowed = endpoint.allowed().contains(role);
                boolean right = allowed ? status != 401 && status != 403 && status < 500
                        : status == 403 && isProblem(response);
                if (!right) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEndpointRefusesARequestWithoutAValidTokenWithAProblemDocument() {
        String genuine = Tokens.of("admin");
        String tampered = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAA";
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (RequestSpecification request : List.of(given(), given().auth().oauth2("not-a-token"),
                    given().auth().oauth2(tampered))) {
                Response response = call(request, endpoint);
                if (response.statusCode() != 401 || !isProblem(response)) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + ": " + response.statusCode() + " "
                            + response.contentType());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aPeerWithTheSharedSecretGetsPastSecurityAndOneWithAWrongSecretDoesNot() {
        Endpoint sums = ENDPOINTS.get(5);
        Response withSecret = call(given().header(InternalKpiResource.PEER_SECRET_HEADER, "test-only-peer-secret")
                .queryParam("day", "2026-03-31").queryParam("window", "30"), sums);
        Response withWrongSecret = call(given().header(InternalKpiResource.PEER_SECRET_HEADER, "test-only-peer-secreT"), sums);
        Response adminWithWrongSecret = call(given().auth().oauth2(Tokens.of("admin"))
                .header(InternalKpiResource.PEER_SECRET_HEADER, "guess"), sums);

        assertThat(withSecret.statusCode()).isEqualTo(200);
        assertThat(withWrongSecret.statusCode()).isEqualTo(401);
        assertThat(adminWithWrongSecret.statusCode()).isEqualTo(403);
    }

    @Test
    void healthMetricsAndOpenApiStayOpen() {
        for (String path : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    private static boolean isProblem(Response response) {
        return String.valueOf(response.contentType()).startsWith("application/problem+json");
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        return request.request(endpoint.method(), concrete(endpoint.path()));
    }

    private static String concrete(String template) {
        Matcher parameter = PARAMETER.matcher(template);
        return parameter.replaceAll(match -> PATH_VALUES.get(match.group(1)));
    }
}
