package io.relance.payment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.RelanceEvent;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.delivery.Inbox;
import io.relance.payment.support.Broker;
import io.relance.servers.RelanceServersTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.relance.payment.support.Invoices.awaitOpenItems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.relance.payment.support.Invoices.cancelled;
import static io.relance.payment.support.Invoices.creditNote;
import static io.relance.payment.support.Invoices.issued;

/** The open-items read model, built from invoice-events on the real broker: idempotent and order-tolerant. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class OpenItemsReadModelIT {

    @Inject
    ObjectMapper mapper;
    @Inject
    MeterRegistry registry;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void theInvoiceEventsOfAPollAreAppliedInOneTransactionWithoutFallingBackOneByOne() {
        String first = "C-" + UUID.randomUUID();
        String second = "C-" + UUID.randomUUID();
        List<InvoiceIssued> invoices = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            // Odd amounts: these stay open in the shared database, where other tests match payments by amount.
            invoices.add(issued(first, "F-2026-2" + i, "1" + i + "3.17", "EUR", "2026-04-0" + i));
            invoices.add(issued(second, "F-2026-3" + i, "1" + i + "3.17", "EUR", "2026-04-0" + i));
        }
        List<RelanceEvent> poll = new ArrayList<>();
        // A credit note before its invoice, and a cancellation after it, in the same poll.
        poll.add(creditNote(invoices.get(0), "40.00"));
        poll.addAll(invoices);
        poll.add(cancelled(invoices.get(1)));
        double fallbacksBefore = fallbacks();

        new Broker(mapper).publishTogether(poll);

        awaitOpenItems(first, "F-2026-21=73.17", "F-2026-22=123.17", "F-2026-23=133.17", "F-2026-24=143.17",
                "F-2026-25=153.17", "F-2026-26=163.17");
        awaitOpenItems(second, "F-2026-32=123.17", "F-2026-33=133.17", "F-2026-34=143.17", "F-2026-35=153.17",
                "F-2026-36=163.17");
        assertThat(fallbacks()).as("no batch rolled back and went one by one").isEqualTo(fallbacksBefore);
        // One transaction per poll, where one by one would take fourteen; a record batch is fetched whole, so the
        // two customers' partitions may at worst come in two polls.
        assertThat(transactionsThatWrote(invoices)).isLessThanOrEqualTo(2);
    }

    @Test
    void aPollThatFindsAnOpenItemHeldByAPaymentIsAppliedOneByOneOnceItIsFreeLosingNothing() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Broker broker = new Broker(mapper);
        InvoiceIssued held = issued(customer, "F-2026-4001", "1931.17", "EUR", "2026-04-01");
        InvoiceIssued next = issued(customer, "F-2026-4002", "1941.17", "EUR", "2026-04-02");
        broker.publish(held);
        awaitOpenItems(customer, "F-2026-4001=1931.17");
        double fallbacksBefore = fallbacks();

        // As matching does: the open item locked by a transaction that has not ended.
        try (Connection payment = dataSource.getConnection()) {
            payment.setAutoCommit(false);
            try (PreparedStatement lock = payment.prepareStatement("SELECT 1 FROM open_item WHERE invoice_id = ? FOR UPDATE")) {
                lock.setObject(1, held.invoiceId());
                lock.executeQuery().close();
            }
            broker.publishTogether(List.of(creditNote(held, "10.00"), next));

            await().atMost(Duration.ofSeconds(30)).until(() -> fallbacks() > fallbacksBefore);
            payment.rollback();
        }

        awaitOpenItems(customer, "F-2026-4001=1921.17", "F-2026-4002=1941.17");
    }

    private double fallbacks() {
        return registry.find(Inbox.BATCHES).tag("topic", Topics.INVOICE_EVENTS).tag("outcome", "fallback").counter().count();
    }

    private long transactionsThatWrote(List<InvoiceIssued> invoices) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(DISTINCT xmin::text) FROM open_item WHERE invoice_id = ANY(?)")) {
            statement.setArray(1, connection.createArrayOf("uuid", invoices.stream().map(InvoiceIssued::invoiceId).toArray()));
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

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
