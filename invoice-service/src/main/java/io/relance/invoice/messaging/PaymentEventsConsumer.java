package io.relance.invoice.messaging;

import io.relance.contracts.RelanceEvent;
import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;
import io.relance.delivery.Inbox;
import io.relance.delivery.PoisonEventException;
import io.relance.invoice.application.RecordPayment;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.PaymentLine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Keeps each invoice's balance from PaymentReceived and PaymentReversed, once per event, in any order. */
@ApplicationScoped
public class PaymentEventsConsumer {

    public static final String CHANNEL = "payment-events";

    private final Inbox inbox;
    private final RecordPayment recordPayment;

    PaymentEventsConsumer(Inbox inbox, RecordPayment recordPayment) {
        this.inbox = inbox;
        this.recordPayment = recordPayment;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        return inbox.handle(message, (session, event) -> Uni.createFrom().item(() -> lines(event))
                .chain(recordPayment::apply)
                // A payment in another currency than its invoice can never be applied as it is.
                .onFailure(InvoiceRuleViolation.class).transform(e -> new PoisonEventException(e.getMessage(), e)));
    }

    private static List<PaymentLine> lines(RelanceEvent event) {
        if (event instanceof PaymentReceived received) {
            return lines(received.paymentId(), received.allocations(), received.currency(), received.valueDate(), false);
        }
        if (event instanceof PaymentReversed reversed) {
            return lines(reversed.paymentId(), reversed.allocations(), reversed.currency(), reversed.reversedOn(), true);
        }
        return List.of();
    }

    private static List<PaymentLine> lines(UUID paymentId, List<Allocation> allocations, String currency,
                                           LocalDate date, boolean reversal) {
        return allocations.stream().map(allocation -> new PaymentLine(paymentId, allocation.invoiceId(),
                new Money(allocation.amount(), Money.currency(currency)), date, reversal)).toList();
    }
}
