package io.relance.payment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.payment.support.Broker;
import io.relance.servers.RelanceServersTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.relance.payment.support.Invoices.awaitOpenItems;
import static io.relance.payment.support.Invoices.cancelled;
import static io.relance.payment.support.Invoices.creditNote;
import static io.relance.payment.support.Invoices.issued;

/** The open-items read model, built from invoice-events on the real broker: idempotent and order-tolerant. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class OpenItemsReadModelIT {

    @Inject
    ObjectMapper mapper;

    @Test
    void anIssuedInvoiceLoweredByACreditNoteIsOpenForTheRest() {
        String customer = "C-" + UUID.randomUUID();
        Broker broker = new Broker(mapper);
        InvoiceIssued invoice = issued(customer, "F-2026-1001", "1000.00", "EUR", "2026-04-01");
        broker.publish(invoice);
        broker.publish(creditNote(invoice, "250.00"));

        awaitOpenItems(customer, "F-2026-1001=750.00");
    }

    @Test
    void aCreditNoteReadBeforeItsInvoiceStillCounts() {
        String customer = "C-" + UUID.randomUUID();
        Broker broker = new Broker(mapper);
        InvoiceIssued invoice = issued(customer, "F-2026-1002", "1000.00", "EUR", "2026-04-01");
        broker.publish(creditNote(invoice, "100.00"));
        broker.publish(invoice);

        awaitOpenItems(customer, "F-2026-1002=900.00");
    }

    @Test
    void aRedeliveredCreditNoteCountsOnce() {
        String customer = "C-" + UUID.randomUUID();
        Broker broker = new Broker(mapper);
        InvoiceIssued invoice = issued(customer, "F-2026-1003", "1000.00", "EUR", "2026-04-01");
        CreditNoteIssued credit = creditNote(invoice, "100.00");
        broker.publish(invoice);
        broker.publish(credit);
        broker.publish(credit);
        InvoiceIssued marker = issued(customer, "F-2026-1004", "5.00", "EUR", "2026-05-01");
        broker.publish(marker);

        awaitOpenItems(customer, "F-2026-1003=900.00", "F-2026-1004=5.00");
    }

    @Test
    void aCancelledInvoiceIsNoLongerOpenEvenWhenTheCancellationCameFirst() {
        String customer = "C-" + UUID.randomUUID();
        Broker broker = new Broker(mapper);
        InvoiceIssued invoice = issued(customer, "F-2026-1005", "1000.00", "EUR", "2026-04-01");
        InvoiceIssued other = issued(customer, "F-2026-1006", "20.00", "EUR", "2026-04-02");
        broker.publish(cancelled(invoice));
        broker.publish(invoice);
        broker.publish(other);

        awaitOpenItems(customer, "F-2026-1006=20.00");
    }
}
