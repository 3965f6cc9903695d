package io.relance.dunning.testing;

import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.customer.Insolvency;
import io.relance.contracts.customer.InsolvencyType;
import io.relance.contracts.customer.Language;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeReason;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.notification.ReminderFailed;
import io.relance.contracts.notification.ReminderSent;
import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentMethod;
import io.relance.contracts.payment.PaymentReceived;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Facts as the other services publish them, with fresh ids. */
public final class Facts {

    private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    private Facts() {
    }

    public static InvoiceIssued invoice(String customerId, String number, LocalDate dueDate, String amount) {
        return new InvoiceIssued(UUID.randomUUID(), AT, customerId, UUID.randomUUID(), number, dueDate.minusDays(30),
                dueDate, new BigDecimal(amount), "EUR", null, null);
    }

    public static PaymentReceived payment(InvoiceIssued invoice, String amount, LocalDate valueDate) {
        return new PaymentReceived(UUID.randomUUID(), AT, invoice.customerId(), UUID.randomUUID(), valueDate,
                new BigDecimal(amount), "EUR", PaymentMethod.TRANSFER,
                List.of(new Allocation(invoice.invoiceId(), new BigDecimal(amount))), BigDecimal.ZERO);
    }

    public static ReminderSent emailSent(String customerId, UUID reminderId) {
        return new ReminderSent(UUID.randomUUID(), AT, customerId, reminderId, UUID.randomUUID(), Channel.EMAIL,
                new BigDecimal("0.01"), "EUR", null);
    }

    public static DisputeOpened dispute(InvoiceIssued invoice, LocalDate openedOn) {
        return new DisputeOpened(UUID.randomUUID(), AT, invoice.customerId(), UUID.randomUUID(), invoice.invoiceId(),
                openedOn, invoice.amount(), invoice.currency(), DisputeReason.PRICE, "price not as agreed");
    }

    public static ReminderFailed emailBounced(String customerId, UUID reminderId) {
        return new ReminderFailed(UUID.randomUUID(), AT, customerId, reminderId, UUID.randomUUID(), Channel.EMAIL,
                "550 mailbox unavailable", true);
    }

    public static CustomerUpdated insolvent(String customerId, LocalDate openedOn) {
        return new CustomerUpdated(UUID.randomUUID(), AT, customerId, "sap-fr", "EXT-" + customerId, "Debtor SAS",
                null, List.of(), null, null, Language.FR, Segment.OCCASIONAL, 30,
                new Insolvency(InsolvencyType.RECEIVERSHIP, openedOn));
    }
}
