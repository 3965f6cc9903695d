package io.relance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The walking skeleton across services, on the packaged services, the real broker and the real database: every
 * service is ready with health, metrics and OpenAPI, and an invoice posted to invoice-service is counted by
 * kpi-service.
 */
@ExtendWith(SharedPlatform.class)
class WalkingSkeletonIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;

    @BeforeAll
    static void connect(Platform running) {
        platform = running;
    }

    @Test
    void everyServiceIsReadyAndExposesHealthMetricsAndOpenApi() throws Exception {
        for (RunningService service : platform.services()) {
            String name = service.spec().name();
            HttpResponse<String> ready = get(service.url() + "/q/health/ready");
            assertThat(ready.statusCode()).as(name + " readiness").isEqualTo(200);
            assertThat(JSON.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
            assertThat(get(service.url() + "/q/health/live").statusCode()).as(name + " liveness").isEqualTo(200);

            HttpResponse<String> metrics = get(service.url() + "/q/metrics");
            assertThat(metrics.statusCode()).as(name + " metrics").isEqualTo(200);
            assertThat(metrics.body()).as(name + " metrics").contains("jvm_memory_used_bytes");
            if (service.spec().database().isPresent()) {
                assertThat(metrics.body()).as(name + " outbox metrics").contains("relance_outbox_backlog");
            }
            HttpResponse<String> openapi = get(service.url() + "/q/openapi");
            assertThat(openapi.statusCode()).as(name + " openapi").isEqualTo(200);
            assertThat(openapi.body()).contains("openapi:");
        }
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() throws Exception {
        RunningService invoices = service("invoice-service");
        String checks = get(invoices.url() + "/q/health/ready").body();
        assertThat(checks).contains("Reactive PostgreSQL connections health check").contains("Kafka");
    }

    @Test
    void anInvoicePostedToInvoiceServiceIsCountedByKpiServiceWithinFiveSeconds() throws Exception {
        RunningService invoices = service("invoice-service");
        RunningService kpis = service("kpi-service");
        await().atMost(Duration.ofSeconds(60)).until(() -> getAsManager(kpis.url() + "/kpis/receivables").statusCode() == 200);
        BigDecimal before = receivables(kpis, "EUR");

        // invoice-service accepts invoices only for customers it knows.
        String customer = "C-" + UUID.randomUUID();
        HttpResponse<String> customerCreated = HTTP.send(HttpRequest.newBuilder(URI.create(invoices.url() + "/customers/" + customer))
                .header("Content-Type", "application/json").header("Authorization", platform.tokens().bearer("erp"))
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"sourceSystem":"walking-skeleton","externalId":"%s","legalName":"ACME SAS","language":"fr",
                         "segment":"NEW"}""".formatted(customer)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(customerCreated.statusCode()).as(customerCreated.body()).isEqualTo(201);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(invoices.url() + "/invoices"))
                .header("Content-Type", "application/json").header("Authorization", platform.tokens().bearer("erp"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId":"%s","number":"F-%s","amount":"1234.56","currency":"EUR",
                         "issueDate":"2026-03-02","dueDate":"2026-04-01"}""".formatted(customer, UUID.randomUUID())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> receivables(kpis, "EUR").compareTo(before.add(new BigDecimal("1234.56"))) == 0);
    }

    private static BigDecimal receivables(RunningService kpis, String currency) throws Exception {
        JsonNode body = JSON.readTree(getAsManager(kpis.url() + "/kpis/receivables").body());
        for (JsonNode entry : body.path("receivables")) {
            if (currency.equals(entry.path("currency").asText())) {
                return new BigDecimal(entry.path("amount").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private static RunningService service(String name) {
        return platform.services().stream().filter(s -> s.spec().name().equals(name)).findFirst().orElseThrow();
    }

    private static HttpResponse<String> getAsManager(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", platform.tokens().bearer("manager"))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
