package io.relance.dunning.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.dunning.testing.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint with every role and without a token: allowed roles get past security (their deliberately empty
 * input may still be refused, never with 401/403), the others get a 403 problem document, no token a 401 one. The
 * endpoints are checked against the service's own OpenAPI document, so a new endpoint without a row fails here.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class RoleMatrixIT {

    private static final List<String> ROLES = List.of("erp", "collector", "manager", "admin");
    private static final Set<String> WORKERS = Set.of("collector", "manager", "admin");
    private static final Set<String> MANAGERS = Set.of("manager", "admin");

    private record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("GET", "/policies", null, WORKERS),
            new Endpoint("GET", "/policies/{policyId}/versions", null, WORKERS),
            new Endpoint("PUT", "/policies/{policyId}", "{}", MANAGERS),
            new Endpoint("GET", "/policy-assignments", null, WORKERS),
            new Endpoint("PUT", "/policy-assignments/{segment}", "{}", MANAGERS),
            new Endpoint("PUT", "/customers/{customerId}/policy", "{}", MANAGERS),
            new Endpoint("PUT", "/customers/{customerId}/contract-rate", "{}", MANAGERS),
            new Endpoint("PUT", "/customers/{customerId}/assignee", "{}", MANAGERS),
            new Endpoint("PUT", "/customers/{customerId}/hold", "{}", WORKERS),
            new Endpoint("DELETE", "/customers/{customerId}/hold", null, WORKERS),
            new Endpoint("GET", "/customers/{customerId}/history", null, WORKERS),
            new Endpoint("PUT", "/invoices/{invoiceId}/exclusion", "{}", WORKERS),
            new Endpoint("POST", "/invoices/{invoiceId}/promise", "{}", WORKERS),
            new Endpoint("POST", "/invoices/{invoiceId}/payment-plan", "{}", WORKERS),
            new Endpoint("GET", "/preview", null, WORKERS),
            new Endpoint("GET", "/worklist", null, WORKERS),
            new Endpoint("POST", "/worklist/{itemId}/outcome", "{}", WORKERS),
            new Endpoint("GET", "/insolvency-claims", null, WORKERS));

    private static final Map<String, String> PATH_VALUES = Map.of(
            "policyId", "matrix-policy", "segment", "RISKY", "customerId", "C-matrix",
            "invoiceId", UUID.randomUUID().toString(), "itemId", UUID.randomUUID().toString());
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    @BeforeEach
    void withoutDefaultToken() {
        RestAssured.requestSpecification = null;
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
    void healthMetricsAndOpenApiStayOpen() {
        for (String path : List.of("/q/health/live", "/q/metrics", "/q/openapi")) {
            assertThat(given().get(path).statusCode()).as(path).isEqualTo(200);
        }
    }

    private static boolean isProblem(Response response) {
        return String.valueOf(response.contentType()).startsWith("application/problem+json");
    }

    private static Response call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), concrete(endpoint.path()));
    }

    private static String concrete(String template) {
        Matcher parameter = PARAMETER.matcher(template);
        return parameter.replaceAll(match -> PATH_VALUES.get(match.group(1)));
    }
}
