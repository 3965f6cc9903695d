package io.relance.payment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.payment.support.Broker;
import io.relance.servers.RelanceServersTestResource;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.relance.payment.api.RecordPaymentIT.as;
import static io.relance.payment.api.RecordPaymentIT.payment;
import static io.relance.payment.api.RecordPaymentIT.uniqueNumber;
import static io.relance.payment.support.Invoices.awaitOpenItems;
import static io.relance.payment.support.Invoices.issued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The unmatched queue worked by a collector: split by hand, unmatch, on the real database and broker. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class ManualMatchingIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void aQueuedPaymentSplitByHandIsPublishedAndUnmatchingItPublishesAReversalAndQueuesItAgain() {
        String customer = "C-" + UUID.randomUUID();
        Broker broker = new Broker(mapper);
        InvoiceIssued first = issued(customer, uniqueNumber(), "700.00", "EUR", "2026-03-01");
        InvoiceIssued second = issued(customer, uniqueNumber(), "900.00", "EUR", "2026-04-01");
        broker.publish(first);
        broker.publish(second);
        awaitOpenItems(customer, first.invoiceNumber() + "=700.00", second.invoiceNumber() + "=900.00");

        String id = as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("1000.00", "EUR", "no reference at all"))
                .post("/payments").then().statusCode(201).body("status", equalTo("UNMATCHED")).extract().path("id");
        as("collector").get("/payments/unmatched?limit=500").then().statusCode(200).body("id", hasItem(id));

        as("collector").body("""
                        {"allocations":[{"invoiceId":"%s","amount":"700.00"},{"invoiceId":"%s","amount":"250.00"}]}"""
                        .formatted(first.invoiceId(), second.invoiceId()))
                .post("/payments/" + id + "/match").then().statusCode(200)
                .body("status", equalTo("MATCHED")).body("matchRule", equalTo("MANUAL"))
                .body("unappliedAmount", equalTo("50.00"));
        awaitOpenItems(customer, second.invoiceNumber() + "=650.00");

        as("collector").body("{\"reason\":\"wrong customer\"}").post("/payments/" + id + "/unmatch")
                .then().statusCode(200).body("status", equalTo("UNMATCHED"))
                .body("queueReason", containsString("wrong customer"));
        awaitOpenItems(customer, first.invoiceNumber() + "=700.00", second.invoiceNumber() + "=900.00");

        List<ConsumerRecord<String, String>> events = broker.read(Topics.PAYMENT_EVENTS, customer, 2,
                Duration.ofSeconds(30), r -> true);
        assertThat(events).extracting(r -> Broker.header(r, CloudEventHeaders.TYPE))
                .containsExactly("relance.payment.received.v1", "relance.payment.reversed.v1");
        assertThat(events.get(1).value()).contains("\"reason\":\"wrong customer\"").contains("\"amount\":\"1000.00\"")
                .contains(first.invoiceId().toString()).contains(second.invoiceId().toString());
    }

    @Test
    void aSplitBeyondAnInvoicesOpenAmountIsRefusedNamingTheAllocation() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued invoice = issued(customer, uniqueNumber(), "100.00", "EUR", "2026-03-01");
        new Broker(mapper).publish(invoice);
        awaitOpenItems(customer, invoice.invoiceNumber() + "=100.00");
        String id = as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("500.00", "EUR", "nothing")).post("/payments").then().statusCode(201)
                .extract().path("id");

        as("collector").body("""
                        {"allocations":[{"invoiceId":"%s","amount":"100.01"}]}""".formatted(invoice.invoiceId()))
                .post("/payments/" + id + "/match").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("allocations[0].amount"));
        as("collector").get("/payments/" + id).then().statusCode(200).body("status", equalTo("UNMATCHED"));
    }

    @Test
    void unmatchingAPaymentThatIsNotMatchedIsAConflict() {
        String id = as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("12.34", "EUR", "nothing")).post("/payments").then().statusCode(201)
                .extract().path("id");

        as("collector").body("{\"reason\":\"x\"}").post("/payments/" + id + "/unmatch")
                .then().statusCode(409).contentType("application/problem+json");
        as("collector").get("/payments/" + UUID.randomUUID()).then().statusCode(404);
    }
}
