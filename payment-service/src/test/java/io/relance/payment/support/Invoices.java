package io.relance.payment.support;

import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Invoice events as invoice-service publishes them, and waiting until payment-service's read model shows them. */
public final class Invoices {

    private Invoices() {
    }

    public static InvoiceIssued issued(String customer, String number, String amount, String currency, String dueDate) {
        LocalDate due = LocalDate.parse(dueDate);
        return new InvoiceIssued(UUID.randomUUID(), Instant.now(), customer, UUID.randomUUID(), number,
                due.minusDays(30), due, new BigDecimal(amount), currency, null, null);
    }

    public static CreditNoteIssued creditNote(InvoiceIssued invoice, String amount) {
        return new CreditNoteIssued(UUID.randomUUID(), Instant.now(), invoice.customerId(), UUID.randomUUID(),
                "AV-" + UUID.randomUUID(), invoice.invoiceId(), invoice.issueDate(), new BigDecimal(amount),
                invoice.currency(), null);
    }

    public static InvoiceCancelled cancelled(InvoiceIssued invoice) {
        return new InvoiceCancelled(UUID.randomUUID(), Instant.now(), invoice.customerId(), invoice.invoiceId(),
                invoice.invoiceNumber(), invoice.dueDate(), invoice.amount(), invoice.currency(), null);
    }

    /** The customer's open items as a collector sees them, "number=open amount", once they equal {@code expected}. */
    public static void awaitOpenItems(String customer, String... expected) {
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> openItems(customer).equals(List.of(expected)));
    }

    public static List<String> openItems(String customer) {
        List<String> numbers = given().header("Authorization", Tokens.bearer("collector"))
                .get("/customers/" + customer + "/open-items").then().statusCode(200).extract().path("invoiceNumber");
        List<String> amounts = given().header("Authorization", Tokens.bearer("collector"))
                .get("/customers/" + customer + "/open-items").then().extract().path("openAmount");
        return java.util.stream.IntStream.range(0, numbers.size()).mapToObj(i -> numbers.get(i) + "=" + amounts.get(i)).toList();
    }
}
