package io.relance.kpi.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Readiness on the real broker: DOWN while the broker does not answer (Kafka Streams stays RUNNING, retrying), UP
 * again once it does, and liveness UP throughout. The outage is the shared broker's process frozen (SIGSTOP) for a
 * few seconds then resumed (SIGCONT): nothing of it is lost, and the other tests of the JVM find it as it was; a
 * stop and restart is not possible here, the broker belonging to the class loader that started it.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class ReadinessIT {

    @BeforeEach
    void withoutToken() {
        RestAssured.requestSpecification = null;
    }

    @Test
    void readinessIsDownWhileTheBrokerDoesNotAnswerAndUpOnceItDoesWhileLivenessStaysUp() throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
        long broker = RelanceServersTestResource.servers().kafka().pid();

        signal("STOP", broker);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503)
                            .body(containsString("the Kafka broker does not answer")));
            given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            signal("CONT", broker);
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void aPeerAsksWhetherThisInstanceCanServeItsPart() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().header(InternalKpiResource.PEER_SECRET_HEADER, "test-only-peer-secret")
                        .get("/kpis/internal/status").then().statusCode(200).body("ready", equalTo(true)));
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }
}
