package io.relance.payment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.payment.support.Broker;
import io.relance.payment.support.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.iban4j.CountryCode;
import org.iban4j.Iban;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.relance.payment.support.Invoices.awaitOpenItems;
import static io.relance.payment.support.Invoices.issued;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** POST /payments on the real database and broker: applied with its PaymentReceived event, queued, or refused. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class RecordPaymentIT {

    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;

    static String uniqueNumber() {
        return "F-" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
    }

    static RequestSpecification as(String role) {
        return given().header("Authorization", Tokens.bearer(role)).contentType(ContentType.JSON);
    }

    /** A payment from a fresh IBAN, so that no IBAN learnt in another test identifies the payer. */
    static String payment(String amount, String currency, String remittance) {
        return payment(amount, currency, remittance, Iban.random(CountryCode.FR).toFormattedString());
    }

    static String payment(String amount, String currency, String remittance, String iban) {
        return """
                {"amount":"%s","currency":"%s","valueDate":"2026-05-04","payerName":"Somebody",
                 "payerIban":"%s","remittance":"%s","method":"TRANSFER"}"""
                .formatted(amount, currency, iban, remittance);
    }

    @Test
    void aPaymentNamingAnInvoiceIsMatchedAndItsPaymentReceivedReachesKafka() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = issued(customer, uniqueNumber(), "1200.00", "EUR", "2026-04-01");
        new Broker(mapper).publish(invoice);
        awaitOpenItems(customer, invoice.invoiceNumber() + "=1200.00");
        double byReferenceBefore = applied("INVOICE_REFERENCE");

        String id = as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("1250.00", "EUR", "Facture " + invoice.invoiceNumber().replace("-", " ")))
                .post("/payments")
                .then().statusCode(201)
                .body("status", equalTo("MATCHED"))
                .body("customerId", equalTo(customer))
                .body("matchRule", equalTo("INVOICE_REFERENCE"))
                .body("allocations[0].invoiceId", equalTo(invoice.invoiceId().toString()))
                .body("allocations[0].amount", equalTo("1200.00"))
                .body("unappliedAmount", equalTo("50.00"))
                .extract().path("id");
        assertThat(applied("INVOICE_REFERENCE")).isEqualTo(byReferenceBefore + 1);

        List<ConsumerRecord<String, String>> events = new Broker(mapper).read(Topics.PAYMENT_EVENTS, customer, 1,
                Duration.ofSeconds(30), r -> true);
        assertThat(events).hasSize(1);
        assertThat(Broker.header(events.get(0), CloudEventHeaders.TYPE)).isEqualTo("relance.payment.received.v1");
        assertThat(events.get(0).value()).contains("\"paymentId\":\"" + id + "\"")
                .contains("\"unappliedAmount\":\"50.00\"").contains("\"amount\":\"1200.00\"");
        awaitOpenItems(customer);
        as("collector").get("/customers/" + customer + "/unapplied-credit")
                .then().statusCode(200).body("[0].currency", equalTo("EUR")).body("[0].amount", equalTo("50.00"));
    }

    @Test
    void theSameKeyAndContentReturnsThePaymentAlreadyRecordedAndOtherContentIsAConflict() {
        String key = UUID.randomUUID().toString();
        String iban = Iban.random(CountryCode.DE).toString();
        String first = as("erp").header("Idempotency-Key", key).body(payment("17.31", "EUR", "nothing to see", iban))
                .post("/payments").then().statusCode(201).extract().path("id");

        as("erp").header("Idempotency-Key", key).body(payment("17.31", "EUR", "nothing to see", iban))
                .post("/payments").then().statusCode(200).body("id", equalTo(first));
        as("erp").header("Idempotency-Key", key).body(payment("17.32", "EUR", "nothing to see", iban))
                .post("/payments").then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void aPaymentInAnotherCurrencyThanTheNamedInvoiceIsQueuedAndNothingIsPublished() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = issued(customer, uniqueNumber(), "300.00", "USD", "2026-04-01");
        new Broker(mapper).publish(invoice);
        awaitOpenItems(customer, invoice.invoiceNumber() + "=300.00");
        double unmatchedBefore = applied("UNMATCHED");

        as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("300.00", "EUR", invoice.invoiceNumber()))
                .post("/payments").then().statusCode(201)
                .body("status", equalTo("UNMATCHED"))
                .body("queueReason", containsString("another currency"))
                .body("candidates[0].invoiceId", equalTo(invoice.invoiceId().toString()))
                .body("allocations", hasSize(0));
        assertThat(applied("UNMATCHED")).isEqualTo(unmatchedBefore + 1);

        assertThat(new Broker(mapper).read(Topics.PAYMENT_EVENTS, customer, 1, Duration.ofSeconds(3), r -> true)).isEmpty();
        awaitOpenItems(customer, invoice.invoiceNumber() + "=300.00");
    }

    @Test
    void aMissingAmountIsRefusedWithAProblemNamingIt() {
        as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"currency":"EUR","valueDate":"2026-05-04","method":"TRANSFER"}""")
                .post("/payments").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("amount"));
    }

    @Test
    void anInvalidIbanIsRefusedNamingTheField() {
        as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("10.00", "EUR", "x", "FR7630006000011234567890188"))
                .post("/payments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("payerIban"));
    }

    @Test
    void aMissingIdempotencyKeyAnUnknownMethodAndAWrongCurrencyAreRefusedNamingTheField() {
        as("erp").body(payment("10.00", "EUR", "x")).post("/payments")
                .then().statusCode(400).body("errors.field", hasItem("idempotencyKey"));
        as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("10.00", "EUR", "x").replace("TRANSFER", "BITCOIN"))
                .post("/payments").then().statusCode(400).body("errors.field", hasItem("method"));
        as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("10.00", "EURO", "x"))
                .post("/payments").then().statusCode(400).body("errors[0].field", equalTo("currency"));
        as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("-10.00", "EUR", "x"))
                .post("/payments").then().statusCode(400).body("errors[0].field", equalTo("amount"));
    }

    private double applied(String outcome) {
        return registry.find("relance.payments.applied").tag("outcome", outcome).counter().count();
    }
}
