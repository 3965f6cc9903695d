package io.relance.kpi.messaging;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relance.servers.RelanceServersTestResource;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * {@link TwoInstancesIT}'s two instances with one standby copy of each partition, as deployed: once the copies have
 * caught up, each instance holds every partition and answers from them alone, so freezing the other one (as a kill
 * would, for the 45 s its static membership outlives it) leaves this one ready and answering the same figures.
 */
@QuarkusTest
@TestProfile(StandbyCopiesIT.WithStandbyCopies.class)
@WithTestResource(RelanceServersTestResource.class)
class StandbyCopiesIT extends TwoInstancesIT {

    static final String APPLICATION_ID = "kpi-service-standby-copies-it";

    public static class WithStandbyCopies implements QuarkusTestProfile {

        private static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return overrides(PORT, APPLICATION_ID, 1);
        }
    }

    @Override
    String applicationId() {
        return APPLICATION_ID;
    }

    @Override
    int standbyReplicas() {
        return 1;
    }

    /** Not TwoInstancesIT's: both publish to the same topics, and each instance counts the other test's events too. */
    @Override
    String currency() {
        return "CHF";
    }

    /** The peer frozen for longer than a probe's patience: this instance stays ready and answers every read. */
    @Override
    void whileThePeerIsFrozen(Process second, String peer, BatchKpis expected) throws Exception {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200).body(containsString("every partition here")));
        signal("STOP", second.pid());
        try {
            long until = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            while (System.nanoTime() < until) {
                given().get("/q/health/ready").then().statusCode(200);
                for (int window : new int[] {30, 365}) {
                    assertFigures(kpis(onThisInstance(), window, currency()), expected.figures(AS_OF, window), currency(),
                            "this instance with its peer frozen, " + window + " days");
                }
                Thread.sleep(500);
            }
        } finally {
            signal("CONT", second.pid());
        }
    }
}
