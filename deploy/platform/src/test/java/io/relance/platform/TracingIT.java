package io.relance.platform;

import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.relance.platform.OtlpReceiver.ReceivedSpan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One invoice's trace, on the packaged services started with only {@code RELANCE_TRACING_OTLP_ENDPOINT} set: from
 * the REST call into invoice-service, through the outbox relay's send to Kafka, into every service that consumes
 * InvoiceIssued (dunning-service and payment-service through the inbox, kpi-service through Kafka Streams).
 */
@ExtendWith(SharedPlatform.class)
class TracingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final HexFormat HEX = HexFormat.of();

    private static Platform platform;
    private static OtlpReceiver traces;

    @BeforeAll
    static void connect(Platform running, OtlpReceiver receiver) {
        platform = running;
        traces = receiver;
    }

    @Test
    void anInvoicePostedToInvoiceServiceIsFollowedByOneTraceIntoEveryConsumer() throws Exception {
        RunningService invoices = service("invoice-service");
        String customer = createCustomer(invoices);

        // The caller's own trace context, as a gateway or the ERP connector would send it.
        String traceId = randomHex(16);
        String callerSpanId = randomHex(8);
        HttpResponse<String> created = HTTP.send(invoicePost(invoices, customer, traceId, callerSpanId),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // Spans are exported in batches every few seconds.
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            List<ReceivedSpan> trace = traces.ofTrace(traceId);
            assertThat(trace).as("the REST call's server span, child of the caller's")
                    .anyMatch(span -> span.service().equals("invoice-service") && span.kind() == SpanKind.SPAN_KIND_SERVER
                            && span.parentSpanId().equals(callerSpanId));
            ReceivedSpan send = trace.stream()
                    .filter(span -> span.service().equals("invoice-service") && span.kind() == SpanKind.SPAN_KIND_PRODUCER
                            && span.name().equals("invoice-events publish"))
                    .findFirst().orElseThrow(() -> new AssertionError("no relay send in " + trace));
            assertThat(trace).as("the send continues the request that wrote the outbox row")
                    .anyMatch(span -> span.service().equals("invoice-service") && span.spanId().equals(send.parentSpanId()));
            for (String consumer : List.of("dunning-service", "payment-service", "kpi-service")) {
                assertThat(trace).as(consumer + " receives the record in the send's context")
                        .anyMatch(span -> span.service().equals(consumer) && span.kind() == SpanKind.SPAN_KIND_CONSUMER
                                && span.parentSpanId().equals(send.spanId()));
                assertThat(trace).as(consumer + " processes the event in the same trace")
                        .anyMatch(span -> span.service().equals(consumer) && span.name().equals("invoice-events process"));
            }
            for (String inbox : List.of("dunning-service", "payment-service")) {
                ReceivedSpan processing = trace.stream()
                        .filter(span -> span.service().equals(inbox) && span.name().equals("invoice-events process"))
                        .findFirst().orElseThrow();
                assertThat(trace).as(inbox + "'s database work while handling the event belongs to the trace")
                        .anyMatch(span -> span.service().equals(inbox) && span.kind() == SpanKind.SPAN_KIND_CLIENT
                                && span.parentSpanId().equals(processing.spanId()));
            }
        });
    }

    @Test
    void invoicesPostedAtTheSameTimeAndCommittedTogetherEachStayInTheTraceOfTheirOwnRequest() throws Exception {
        RunningService invoices = service("invoice-service");
        String customer = createCustomer(invoices);
        List<String> traceIds = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String traceId = randomHex(16);
            traceIds.add(traceId);
            calls.add(HTTP.sendAsync(invoicePost(invoices, customer, traceId, randomHex(8)),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> created = call.get(60, TimeUnit.SECONDS);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (String traceId : traceIds) {
                List<ReceivedSpan> trace = traces.ofTrace(traceId);
                ReceivedSpan send = trace.stream()
                        .filter(span -> span.service().equals("invoice-service") && span.kind() == SpanKind.SPAN_KIND_PRODUCER
                                && span.name().equals("invoice-events publish"))
                        .findFirst().orElseThrow(() -> new AssertionError("no relay send in the trace of " + traceId));
                assertThat(trace).as("the send of " + traceId + " continues its own request's server span")
                        .anyMatch(span -> span.service().equals("invoice-service") && span.kind() == SpanKind.SPAN_KIND_SERVER
                                && span.spanId().equals(send.parentSpanId()));
                assertThat(trace.stream().filter(span -> span.name().equals("invoice-events publish")))
                        .as("one invoice's send per request").hasSize(1);
            }
        });
    }

    @Test
    void theRelaysPollsAndOtherBackgroundQueriesStartNoTraceOfTheirOwn() {
        // the relays poll five times a second: a few export rounds would hold hundreds of such spans
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10)).until(() -> !traces.all().isEmpty());
        assertThat(traces.all()).noneMatch(span -> span.kind() == SpanKind.SPAN_KIND_CLIENT && span.parentSpanId().isEmpty());
    }

    private static String createCustomer(RunningService invoices) throws Exception {
        String customer = "C-" + UUID.randomUUID();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(invoices.url() + "/customers/" + customer))
                .header("Content-Type", "application/json").header("Authorization", platform.tokens().bearer("erp"))
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"sourceSystem":"tracing","externalId":"%s","legalName":"ACME SAS","language":"fr",
                         "segment":"NEW"}""".formatted(customer)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return customer;
    }

    /** A new invoice's POST, sent in the caller's own trace context, as a gateway or the ERP connector would. */
    private static HttpRequest invoicePost(RunningService invoices, String customer, String traceId, String callerSpanId) {
        return HttpRequest.newBuilder(URI.create(invoices.url() + "/invoices"))
                .header("Content-Type", "application/json").header("Authorization", platform.tokens().bearer("erp"))
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId":"%s","number":"F-%s","amount":"99.00","currency":"EUR",
                         "issueDate":"2026-03-02","dueDate":"2026-04-01"}""".formatted(customer, UUID.randomUUID())))
                .build();
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HEX.formatHex(random);
    }

    private static RunningService service(String name) {
        return platform.services().stream().filter(s -> s.spec().name().equals(name)).findFirst().orElseThrow();
    }
}
