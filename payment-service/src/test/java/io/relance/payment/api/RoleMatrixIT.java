package io.relance.payment.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.payment.support.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, with real signed tokens: the ERP records payments and uploads statements, collectors work the
 * queue by hand, managers read; admin may do everything. Allowed calls here fail on their deliberately empty input
 * (400/404), never on security.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class RoleMatrixIT {

    private static final List<String> ROLES = List.of("erp", "collector", "manager", "admin");
    private static final String PAYMENT = "/payments/" + UUID.randomUUID();

    record Endpoint(String method, String path, String contentType, String body, Set<String> allowed) {
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST", "/payments", "application/json", "{}", Set.of("erp", "admin")),
                new Endpoint("GET", PAYMENT, null, null, Set.of("erp", "collector", "manager", "admin")),
                new Endpoint("GET", "/payments/unmatched", null, null, Set.of("collector", "manager", "admin")),
                new Endpoint("POST", PAYMENT + "/match", "application/json", "{\"allocations\":[{\"invoiceId\":\""
                        + UUID.randomUUID() + "\",\"amount\":\"1.00\"}]}", Set.of("collector", "admin")),
                new Endpoint("POST", PAYMENT + "/unmatch", "application/json", "{\"reason\":\"x\"}", Set.of("collector", "admin")),
                new Endpoint("POST", "/statements", "application/xml", "", Set.of("erp", "admin")),
                new Endpoint("GET", "/customers/C-1/unapplied-credit", null, null, Set.of("collector", "manager", "admin")),
                new Endpoint("GET", "/customers/C-1/open-items", null, null, Set.of("collector", "manager", "admin")),
                new Endpoint("POST", "/payment-links", "application/json", "{}", Set.of("collector", "admin")),
                new Endpoint("POST", "/customers/C-1/unapplied-credit/applications", "application/json", "{}",
                        Set.of("collector", "admin")));
    }

    static Stream<Arguments> matrix() {
        return endpoints().stream().flatMap(e -> ROLES.stream().map(role -> Arguments.of(e, role)));
    }

    private static int call(Endpoint endpoint, RequestSpecification request) {
        if (endpoint.contentType() != null) {
            request = request.contentType(endpoint.contentType()).body(endpoint.body());
        }
        return request.request(endpoint.method(), endpoint.path()).statusCode();
    }

    @ParameterizedTest(name = "{1} on {0}")
    @MethodSource("matrix")
    void eachRoleIsAllowedExactlyItsEndpoints(Endpoint endpoint, String role) {
        int status = call(endpoint, given().header("Authorization", Tokens.bearer(role)));

        if (endpoint.allowed().contains(role)) {
            assertThat(status).as(role + " " + endpoint.method() + " " + endpoint.path()).isNotIn(401, 403).isLessThan(500);
        } else {
            assertThat(status).as(role + " " + endpoint.method() + " " + endpoint.path()).isEqualTo(403);
        }
    }

    @ParameterizedTest(name = "no token on {0}")
    @MethodSource("endpoints")
    void withoutAValidTokenEveryEndpointIsRefused(Endpoint endpoint) {
        assertThat(call(endpoint, given())).isEqualTo(401);
        assertThat(call(endpoint, given().header("Authorization", "Bearer not-a-token"))).isEqualTo(401);
    }
}
