package io.relance.invoice.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.invoice.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint with every role and without a token: allowed roles get past security, the others get 403, no token 401. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class RoleMatrixIT {

    private static final Set<String> ROLES = Set.of("erp", "collector", "manager", "admin");
    private static final Set<String> READERS = Set.of("collector", "manager", "admin");
    private static final Set<String> WRITERS = Set.of("erp", "admin");

    private record Endpoint(String method, String path, String body, Set<String> allowed) {
    }

    private static final String ID = UUID.randomUUID().toString();
    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("PUT", "/customers/C-matrix", "{}", WRITERS),
            new Endpoint("GET", "/customers/C-matrix", null, READERS),
            new Endpoint("GET", "/customers/C-matrix/statement", null, READERS),
            new Endpoint("POST", "/customers/C-matrix/erasure", null, Set.of("admin")),
            new Endpoint("POST", "/erp/invoices", "{}", WRITERS),
            new Endpoint("POST", "/erp/invoices/batch", "[]", WRITERS),
            new Endpoint("POST", "/invoices", "{}", WRITERS),
            new Endpoint("GET", "/invoices", null, READERS),
            new Endpoint("GET", "/invoices/" + ID, null, READERS),
            new Endpoint("GET", "/invoices/" + ID + "/timeline", null, READERS),
            new Endpoint("POST", "/invoices/" + ID + "/credit-notes", "{}", WRITERS),
            new Endpoint("POST", "/invoices/" + ID + "/cancellation", "{}", WRITERS),
            new Endpoint("POST", "/invoices/" + ID + "/write-off", "{}", Set.of("manager", "admin")),
            new Endpoint("POST", "/invoices/" + ID + "/disputes", "{}", READERS),
            new Endpoint("POST", "/disputes/" + ID + "/resolution", "{}", READERS));

    @BeforeEach
    void withoutDefaultToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void eachRoleReachesExactlyTheEndpointsItIsAllowed() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String role : ROLES) {
                int status = call(given().auth().oauth2(Tokens.of(role)), endpoint);
                boolean passedSecurity = status != 401 && status != 403;
                if (endpoint.allowed().contains(role) != passedSecurity || !passedSecurity && status != 403) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + role + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void everyEndpointRefusesARequestWithoutAToken() {
        assertThat(ENDPOINTS).allSatisfy(endpoint -> assertThat(call(given(), endpoint))
                .as(endpoint.method() + " " + endpoint.path()).isEqualTo(401));
    }

    @Test
    void aTokenWithATamperedSignatureIsRefused() {
        String genuine = Tokens.of("admin");
        String tampered = genuine.substring(0, genuine.lastIndexOf('.') + 1) + "AAAA";

        assertThat(call(given().auth().oauth2(tampered), ENDPOINTS.get(7))).isEqualTo(401);
    }

    private static int call(RequestSpecification request, Endpoint endpoint) {
        if (endpoint.body() != null) {
            request = request.contentType(ContentType.JSON).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path()).statusCode();
    }
}
