package io.relance.kpi.messaging;

import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.customer.Language;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.ClosureReason;
import io.relance.contracts.dunning.DunningCaseClosed;
import io.relance.contracts.dunning.DunningEscalated;
import io.relance.contracts.dunning.EscalationReason;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeOutcome;
import io.relance.contracts.invoice.DisputeReason;
import io.relance.contracts.invoice.DisputeResolved;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.contracts.notification.ReminderSent;
import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentMethod;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Contract events for tests, with business dates as given and everything else filled in. */
final class Events {

    private Events() {
    }

    static InvoiceIssued issued(String customer, UUID invoice, String issueDate, String dueDate, String amount) {
        return issued(customer, invoice, issueDate, dueDate, amount, "EUR");
    }

    static InvoiceIssued issued(String customer, UUID invoice, String issueDate, String dueDate, String amount, String currency) {
        return new InvoiceIssued(UUID.randomUUID(), at(issueDate), customer, invoice, "F-" + invoice,
                LocalDate.parse(issueDate), LocalDate.parse(dueDate), new BigDecimal(amount), currency, null, null);
    }

    static PaymentReceived paid(String customer, UUID invoice, String valueDate, String amount) {
        return paid(customer, invoice, valueDate, amount, "EUR");
    }

    static PaymentReceived paid(String customer, UUID invoice, String valueDate, String amount, String currency) {
        return new PaymentReceived(UUID.randomUUID(), at(valueDate), customer, UUID.randomUUID(), LocalDate.parse(valueDate),
                new BigDecimal(amount), currency, PaymentMethod.TRANSFER, List.of(new Allocation(invoice, new BigDecimal(amount))),
                BigDecimal.ZERO);
    }

    static PaymentReversed reversed(String customer, UUID invoice, String on, String amount) {
        return new PaymentReversed(UUID.randomUUID(), at(on), customer, UUID.randomUUID(), LocalDate.parse(on),
                new BigDecimal(amount), "EUR", "AM04", List.of(new Allocation(invoice, new BigDecimal(amount))));
    }

    static CreditNoteIssued credited(String customer, UUID invoice, String on, String amount) {
        return new CreditNoteIssued(UUID.randomUUID(), at(on), customer, UUID.randomUUID(), "AV-" + UUID.randomUUID(),
                invoice, LocalDate.parse(on), new BigDecimal(amount), "EUR", null);
    }

    static InvoiceWrittenOff writtenOff(String customer, UUID invoice, String on, String amount) {
        return new InvoiceWrittenOff(UUID.randomUUID(), at(on), customer, invoice, "F-" + invoice, LocalDate.parse(on),
                new BigDecimal(amount), "EUR", "liquidation closed");
    }

    static InvoiceCancelled cancelled(String customer, UUID invoice, String on, String openAmount) {
        return new InvoiceCancelled(UUID.randomUUID(), at(on), customer, invoice, "F-" + invoice, LocalDate.parse(on),
                new BigDecimal(openAmount), "EUR", null);
    }

    static DisputeOpened disputeOpened(String customer, UUID invoice, UUID dispute, String on) {
        return new DisputeOpened(UUID.randomUUID(), at(on), customer, dispute, invoice, LocalDate.parse(on),
                BigDecimal.TEN, "EUR", DisputeReason.QUALITY, null);
    }

    static DisputeResolved disputeResolved(String customer, UUID invoice, UUID dispute, String on) {
        return new DisputeResolved(UUID.randomUUID(), at(on), customer, dispute, invoice, LocalDate.parse(on),
                DisputeOutcome.REJECTED, null);
    }

    static DunningEscalated escalated(String customer, UUID dunningCase, UUID invoice, String on) {
        return new DunningEscalated(UUID.randomUUID(), at(on), customer, dunningCase, List.of(invoice), null, 0,
                EscalationReason.SCHEDULE, LocalDate.parse(on));
    }

    static DunningCaseClosed closed(String customer, UUID dunningCase, UUID invoice, String on, ClosureReason reason) {
        return new DunningCaseClosed(UUID.randomUUID(), at(on), customer, dunningCase, invoice, LocalDate.parse(on), reason,
                BigDecimal.ZERO, "EUR");
    }

    static ReminderSent reminderSent(String customer, String on, Channel channel, String cost) {
        return new ReminderSent(UUID.randomUUID(), at(on), customer, UUID.randomUUID(), UUID.randomUUID(), channel,
                new BigDecimal(cost), "EUR", null);
    }

    static CustomerUpdated profile(String customer, Segment segment) {
        return new CustomerUpdated(UUID.randomUUID(), Instant.parse("2026-01-01T08:00:00Z"), customer, "SAP", customer,
                "Client " + customer, null, List.of(), null, null, Language.FR, segment, 30, null);
    }

    /** Noon UTC of the business date: a time inside that business day. */
    private static Instant at(String date) {
        return LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
