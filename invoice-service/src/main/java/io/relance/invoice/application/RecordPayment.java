package io.relance.invoice.application;

import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceStatus;
import io.relance.invoice.domain.PaymentLine;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.persistence.InvoiceRepository;
import io.relance.invoice.persistence.PendingPaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.List;

/**
 * Applies payments and reversals from payment-service to the invoices they name, in the caller's (the inbox's)
 * transaction. A line naming an invoice not received yet is kept and applied when the invoice arrives.
 */
@ApplicationScoped
public class RecordPayment {

    private final InvoiceRepository invoiceRepository;
    private final Invoices invoices;
    private final PendingPaymentRepository pending;
    private final ResolveDispute resolveDispute;
    private final Clock clock;

    RecordPayment(InvoiceRepository invoiceRepository, Invoices invoices, PendingPaymentRepository pending,
                  ResolveDispute resolveDispute, Clock clock) {
        this.invoiceRepository = invoiceRepository;
        this.invoices = invoices;
        this.pending = pending;
        this.resolveDispute = resolveDispute;
        this.clock = clock;
    }

    public Uni<Void> apply(List<PaymentLine> lines) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (PaymentLine line : lines) {
            chain = chain.chain(() -> applyOne(line));
        }
        return chain;
    }

    private Uni<Void> applyOne(PaymentLine line) {
        return invoiceRepository.byId(line.invoiceId()).chain(found -> {
            if (found.isEmpty()) {
                return pending.keep(line);
            }
            Invoice updated = line.applyTo(found.get());
            Uni<Void> stored = invoices.update(updated, entry(line));
            // A payment of the full balance closes an open dispute: the customer no longer contests it.
            return updated.disputed() && updated.status() == InvoiceStatus.PAID
                    ? stored.chain(() -> resolveDispute.withdrawOnFullPayment(updated)) : stored;
        });
    }

    /** The timeline entry of a payment line, also for lines applied late, when their invoice arrives. */
    TimelineEntry entry(PaymentLine line) {
        return new TimelineEntry(line.invoiceId(), line.reversal() ? TimelineEntry.Kind.PAYMENT_REVERSED
                : TimelineEntry.Kind.PAYMENT, line.valueDate(), line.amount(), line.paymentId().toString(), null,
                clock.instant());
    }
}
