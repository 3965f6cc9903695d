package io.relance.payment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** A collector applies an overpayment's credit to a later invoice: balances, credit and PaymentReceived on Kafka. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class UnappliedCreditIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void aCollectorAppliesACustomersCreditToALaterInvoiceAndPaymentReceivedCarriesTheNewAllocation() {
        String customer = "C-" + UUID.randomUUID();
        InvoiceIssued first = issued(customer, uniqueNumber(), "100.00", "EUR", "2026-04-01");
        new Broker(mapper).publish(first);
        awaitOpenItems(customer, first.invoiceNumber() + "=100.00");
        String paymentId = as("erp").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(payment("150.00", "EUR", "Facture " + first.invoiceNumber()))
                .post("/payments").then().statusCode(201).body("unappliedAmount", equalTo("50.00")).extract().path("id");
        InvoiceIssued later = issued(customer, uniqueNumber(), "80.00", "EUR", "2026-06-01");
        new Broker(mapper).publish(later);
        awaitOpenItems(customer, later.invoiceNumber() + "=80.00");

        as("collector").body("{\"invoiceId\":\"" + later.invoiceId() + "\"}")
                .post("/customers/" + customer + "/unapplied-credit/applications")
                .then().statusCode(200).body("$", hasSize(1))
                .body("[0].paymentId", equalTo(paymentId)).body("[0].amount", equalTo("50.00"));

        awaitOpenItems(customer, later.invoiceNumber() + "=30.00");
        as("collector").get("/customers/" + customer + "/unapplied-credit").then().statusCode(200).body("$", hasSize(0));
        List<ConsumerRecord<String, String>> events = new Broker(mapper).read(Topics.PAYMENT_EVENTS, customer, 2,
                Duration.ofSeconds(30), r -> true);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).value()).contains("\"paymentId\":\"" + paymentId + "\"")
                .contains("\"invoiceId\":\"" + later.invoiceId() + "\"").contains("\"unappliedAmount\":\"0.00\"")
                .doesNotContain(first.invoiceId().toString());
        as("collector").body("{\"invoiceId\":\"" + later.invoiceId() + "\"}")
                .post("/customers/" + customer + "/unapplied-credit/applications")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("invoiceId"));
    }

    @Test
    void creditCannotBeAppliedToAnotherCustomersInvoice() {
        String other = "C-" + UUID.randomUUID();
        InvoiceIssued theirs = issued(other, uniqueNumber(), "70.00", "EUR", "2026-04-01");
        new Broker(mapper).publish(theirs);
        awaitOpenItems(other, theirs.invoiceNumber() + "=70.00");

        as("collector").body("{\"invoiceId\":\"" + theirs.invoiceId() + "\",\"amount\":\"10.00\"}")
                .post("/customers/C-" + UUID.randomUUID() + "/unapplied-credit/applications")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("invoiceId"));
        awaitOpenItems(other, theirs.invoiceNumber() + "=70.00");
    }
}
