package io.relance.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The real HTTP server of a test application with bounds of 2 requests and 1 KiB of bodies in progress. */
@QuarkusTest
class LoadSheddingIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();

    @BeforeEach
    void closeTheGate() {
        HeldRequests.GATE.set(new CountDownLatch(1));
    }

    @AfterEach
    void openTheGate() {
        HeldRequests.GATE.get().countDown();
        held.forEach(CompletableFuture::join);
    }

    @Test
    void beyondTheRequestsInProgressAllowedARequestIsRefusedAtOnceWithAProblemAndRetryAfterAndProbesStillAnswer() throws Exception {
        double shedBefore = metric("relance_http_requests_shed_total\\{bound=\"requests\"}");
        hold(get("held"));
        hold(get("held"));
        awaitInFlight(2);

        HttpResponse<String> refused = send(get("quick"));

        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("type").asText()).isEqualTo(LoadShedding.PROBLEM_TYPE);
        assertThat(problem.path("status").asInt()).isEqualTo(503);
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("requests");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("must be at most 2 in progress at once");
        assertThat(send(get("q/health/ready")).statusCode()).isEqualTo(200);
        assertThat(metric("relance_http_requests_shed_total\\{bound=\"requests\"}")).isEqualTo(shedBefore + 1);

        HeldRequests.GATE.get().countDown();
        held.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));
        awaitInFlight(0);
        assertThat(send(get("quick")).statusCode()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void beyondTheBodyBytesInProgressAllowedARequestWithABodyIsRefusedWhileOneWithoutStillPasses(HttpClient.Version version) throws Exception {
        // On HTTP/2 the held request and the refused one share a connection, which the refusal must not close.
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(5)).build();
        held.add(client.sendAsync(post("held", "x".repeat(800)), HttpResponse.BodyHandlers.ofString()));
        awaitInFlight(1);

        HttpResponse<String> refused = client.send(post("held", "y".repeat(800)), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> withoutBody = client.send(get("quick"), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(503);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("body");
        assertThat(problem.path("errors").get(0).path("message").asText())
                .isEqualTo("request bodies in progress must total at most 1024 bytes");
        assertThat(withoutBody.statusCode()).isEqualTo(200);
        HeldRequests.GATE.get().countDown();
        assertThat(held.get(0).join().body()).isEqualTo("800");
    }

    @Test
    void aBodyLargerThanTheByteBoundPassesWhenNothingElseIsInProgress() throws Exception {
        HeldRequests.GATE.get().countDown();

        HttpResponse<String> large = send(post("held", "z".repeat(5000)));

        assertThat(large.statusCode()).isEqualTo(200);
        assertThat(large.body()).isEqualTo("5000");
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET().build();
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private void hold(HttpRequest request) {
        held.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private void awaitInFlight(int requests) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double now = -1;
        while (System.nanoTime() < deadline) {
            now = metric("relance_http_requests_in_flight");
            if (now == requests) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("requests in flight: " + now + ", waited for " + requests);
    }

    private double metric(String name) throws IOException, InterruptedException {
        String metrics = send(get("q/metrics")).body();
        Matcher value = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
