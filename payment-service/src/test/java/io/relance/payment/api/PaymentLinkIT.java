package io.relance.payment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.payment.domain.PaymentLink;
import io.relance.payment.domain.PaymentLinkSigner;
import io.relance.payment.domain.WebhookSignature;
import io.relance.payment.support.Broker;
import io.relance.payment.support.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.relance.payment.api.RecordPaymentIT.uniqueNumber;
import static io.relance.payment.support.Invoices.awaitOpenItems;
import static io.relance.payment.support.Invoices.issued;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Payment links end to end on the real database and broker: a collector issues a link, the debtor opens it with no
 * token, pays at the sandbox provider, and the provider's signed webhook records the payment, whose PaymentReceived
 * reaches Kafka; forged, expired and cross-customer use is refused, and webhooks are verified and idempotent.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class PaymentLinkIT {

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "relance.payment.sandbox.webhook-secret")
    String webhookSecret;

    @ConfigProperty(name = "relance.payment.links.secret")
    String linkSecret;

    private static String linkFor(String customer) {
        String url = given().header("Authorization", Tokens.bearer("collector")).contentType(ContentType.JSON)
                .body("{\"customerId\":\"" + customer + "\",\"validForDays\":7}")
                .post("/payment-links").then().statusCode(201)
                .body("url", startsWith("http://localhost:8083/pay/"))
                .extract().path("url");
        return URI.create(url).getPath();
    }

    private InvoiceIssued invoiceOf(String customer, String amount, String due) {
        InvoiceIssued invoice = issued(customer, uniqueNumber(), amount, "EUR", due);
        new Broker(mapper).publish(invoice);
        return invoice;
    }

    private static Response checkout(String link, UUID... invoiceIds) {
        List<String> ids = new ArrayList<>();
        for (UUID id : invoiceIds) {
            ids.add("\"" + id + "\"");
        }
        return given().contentType(ContentType.JSON).body("{\"invoiceIds\":[" + String.join(",", ids) + "]}")
                .post(link + "/checkouts");
    }

    private String event(String eventId, String session, String amount) {
        return """
                {"id":"%s","type":"checkout.session.completed","created":%d,
                 "data":{"session":"%s","amount":"%s","currency":"EUR","paidAt":"%s"}}"""
                .formatted(eventId, Instant.now().getEpochSecond(), session, amount, Instant.now());
    }

    private Response webhook(String body, String secret) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = new WebhookSignature(secret.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(5))
                .header(Instant.now(), bytes);
        return given().contentType(ContentType.JSON).header("Sandbox-Signature", signature).body(bytes)
                .post("/webhooks/sandbox");
    }

    private List<ConsumerRecord<String, String>> paymentEvents(String customer, int atMost, Duration wait) {
        return new Broker(mapper).read(Topics.PAYMENT_EVENTS, customer, atMost, wait, r -> true);
    }

    @Test
    void aDebtorPaysFromItsLinkAtTheSandboxAndTheSignedWebhookPublishesPaymentReceived() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued older = invoiceOf(customer, "120.00", "2026-03-01");
        InvoiceIssued newer = invoiceOf(customer, "80.50", "2026-04-01");
        awaitOpenItems(customer, older.invoiceNumber() + "=120.00", newer.invoiceNumber() + "=80.50");
        String link = linkFor(customer);

        given().get(link).then().statusCode(200)
                .body("customerId", equalTo(customer))
                .body("invoices.invoiceNumber", contains(older.invoiceNumber(), newer.invoiceNumber()))
                .body("totals[0].amount", equalTo("200.50"));
        Response opened = checkout(link, older.invoiceId());
        opened.then().statusCode(201).body("status", equalTo("OPEN")).body("amount", equalTo("120.00"))
                .body("provider", equalTo("sandbox")).body("providerReference", startsWith("cs_sandbox_"));
        String checkoutId = opened.path("id");
        String hostedPage = URI.create(opened.path("redirectUrl")).getPath();

        given().get(hostedPage).then().statusCode(200).body("amount", equalTo("120.00")).body("paid", equalTo(false));
        given().contentType(ContentType.JSON).body("{\"payerName\":\"Jeanne Martin\"}").post(hostedPage + "/pay")
                .then().statusCode(202).body("paid", equalTo(true));
        given().contentType(ContentType.JSON).body("{}").post(hostedPage + "/pay").then().statusCode(409);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                "PAID".equals(given().get(link + "/checkouts/" + checkoutId).then().statusCode(200).extract().path("status")));
        List<ConsumerRecord<String, String>> events = paymentEvents(customer, 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(Broker.header(events.get(0), CloudEventHeaders.TYPE)).isEqualTo("relance.payment.received.v1");
        assertThat(events.get(0).value()).contains("\"invoiceId\":\"" + older.invoiceId() + "\"")
                .contains("\"amount\":\"120.00\"").contains("\"method\":\"CARD\"");
        awaitOpenItems(customer, newer.invoiceNumber() + "=80.50");
        given().get(link).then().statusCode(200).body("invoices.invoiceNumber", contains(newer.invoiceNumber()));
    }

    @Test
    void aLinkShowsOnlyItsCustomersInvoicesAndCannotPayOrReadAnothers() {
        String customerA = "C-" + UUID.randomUUID();
        String customerB = "C-" + UUID.randomUUID();
        InvoiceIssued ofA = invoiceOf(customerA, "10.00", "2026-04-01");
        InvoiceIssued ofB = invoiceOf(customerB, "20.00", "2026-04-01");
        awaitOpenItems(customerA, ofA.invoiceNumber() + "=10.00");
        awaitOpenItems(customerB, ofB.invoiceNumber() + "=20.00");
        String linkA = linkFor(customerA);
        String linkB = linkFor(customerB);

        given().get(linkA).then().statusCode(200).body("invoices.invoiceId", contains(ofA.invoiceId().toString()));
        checkout(linkA, ofB.invoiceId()).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("invoiceIds[0]"));
        String checkoutOfB = checkout(linkB, ofB.invoiceId()).then().statusCode(201).extract().path("id");
        given().get(linkA + "/checkouts/" + checkoutOfB).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aTamperedLinkIsForbiddenAndAnExpiredLinkIsGone() {
        String customer = "C-" + UUID.randomUUID();
        String[] parts = linkFor(customer).substring("/pay/".length()).split("\\.");
        String otherCustomer = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("C-somebody-else".getBytes(StandardCharsets.UTF_8));
        char last = parts[2].charAt(parts[2].length() - 1);
        String flipped = parts[2].substring(0, parts[2].length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String tampered : List.of(otherCustomer + "." + parts[1] + "." + parts[2],
                parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2],
                parts[0] + "." + parts[1] + "." + flipped, "not-a-link")) {
            given().get("/pay/" + tampered).then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("https://relance.io/problems/payment-link-invalid"));
        }
        String expired = new PaymentLinkSigner(linkSecret.getBytes(StandardCharsets.UTF_8))
                .sign(new PaymentLink(customer, Instant.now().minusSeconds(60)));
        given().get("/pay/" + expired).then().statusCode(410).contentType("application/problem+json")
                .body("type", equalTo("https://relance.io/problems/payment-link-expired"));
        checkout("/pay/" + expired, UUID.randomUUID()).then().statusCode(410);
    }

    @Test
    void aWebhookWithABadSignatureIsRefusedAndRecordsNothing() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = invoiceOf(customer, "33.00", "2026-04-01");
        awaitOpenItems(customer, invoice.invoiceNumber() + "=33.00");
        String link = linkFor(customer);
        Response opened = checkout(link, invoice.invoiceId());
        String body = event("evt_test_" + UUID.randomUUID(), opened.path("providerReference"), "33.00");

        webhook(body, "an-attacker-guess-of-the-webhook-secret-0123456789").then().statusCode(401)
                .contentType("application/problem+json").body("errors[0].field", equalTo("signature"));
        given().contentType(ContentType.JSON).body(body).post("/webhooks/sandbox").then().statusCode(401)
                .body("detail", containsString("missing"));
        given().contentType(ContentType.JSON).header("Sandbox-Signature", "t=" + Instant.now().getEpochSecond() + ",v1=00")
                .body(body).post("/webhooks/sandbox").then().statusCode(401);

        assertThat(paymentEvents(customer, 1, Duration.ofSeconds(3))).isEmpty();
        given().get(link + "/checkouts/" + opened.path("id")).then().body("status", equalTo("OPEN"));
        awaitOpenItems(customer, invoice.invoiceNumber() + "=33.00");
    }

    @Test
    void aReplayedWebhookRecordsThePaymentOnceAndAnUnsignedProviderEventIsNeverParsed() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = invoiceOf(customer, "44.00", "2026-04-01");
        awaitOpenItems(customer, invoice.invoiceNumber() + "=44.00");
        String link = linkFor(customer);
        Response opened = checkout(link, invoice.invoiceId());
        String body = event("evt_test_" + UUID.randomUUID(), opened.path("providerReference"), "44.00");

        webhook(body, webhookSecret).then().statusCode(200).body("result", equalTo("RECORDED"));
        webhook(body, webhookSecret).then().statusCode(200).body("result", equalTo("ALREADY_RECORDED"));
        webhook(body, webhookSecret).then().statusCode(200).body("result", equalTo("ALREADY_RECORDED"));
        webhook("{\"id\":\"evt_x\",\"type\":\"checkout.session.expired\"}", webhookSecret).then().statusCode(200)
                .body("result", equalTo("IGNORED"));
        webhook("{not json", webhookSecret).then().statusCode(400).body("errors.field", hasItem("body"));

        assertThat(paymentEvents(customer, 2, Duration.ofSeconds(8))).hasSize(1);
        given().get(link + "/checkouts/" + opened.path("id")).then().body("status", equalTo("PAID"));
        awaitOpenItems(customer);
    }

    @Test
    void aLinkOpenedTooOftenIsThrottledWithRetryAfter() {
        String link = linkFor("C-" + UUID.randomUUID());
        List<Integer> statuses = new ArrayList<>();
        String retryAfter = null;
        for (int i = 0; i < 40 && retryAfter == null; i++) {
            Response response = given().get(link);
            statuses.add(response.statusCode());
            retryAfter = response.getHeader("Retry-After");
        }

        assertThat(statuses).startsWith(200, 200, 200).endsWith(429);
        assertThat(Integer.parseInt(retryAfter)).isPositive();
        assertThat(Map.of("anotherLink", given().get(linkFor("C-" + UUID.randomUUID())).statusCode()))
                .containsEntry("anotherLink", 200);
    }
}
