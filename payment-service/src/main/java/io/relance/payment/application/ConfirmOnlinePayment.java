package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.payment.domain.PaymentMethod;
import io.relance.payment.persistence.CheckoutEntity;
import io.relance.payment.persistence.CheckoutRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records the payment a provider confirms by webhook and applies it to the invoices of its checkout, in one
 * transaction with its PaymentReceived. The provider's event id is the idempotency key: a redelivered or replayed
 * event answers with the payment already recorded.
 */
@ApplicationScoped
public class ConfirmOnlinePayment {

    /** What a webhook event led to. */
    public enum Result { RECORDED, ALREADY_RECORDED, IGNORED }

    private static final Logger LOG = Logger.getLogger(ConfirmOnlinePayment.class);

    private final CheckoutRepository checkouts;
    private final RecordPayment recordPayment;
    private final PaymentProvider provider;
    private final Clock clock;

    ConfirmOnlinePayment(CheckoutRepository checkouts, RecordPayment recordPayment, PaymentProvider provider, Clock clock) {
        this.checkouts = checkouts;
        this.recordPayment = recordPayment;
        this.provider = provider;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Result> confirm(PaymentProvider.Event event) {
        if (event.kind() != PaymentProvider.Event.Kind.PAYMENT_SUCCEEDED) {
            return Uni.createFrom().item(Result.IGNORED);
        }
        return checkouts.byProviderReference(provider.name(), event.checkoutReference()).chain(checkout -> {
            // Money the provider took for a checkout we do not know is still recorded: it lands in the unmatched queue.
            if (checkout.isEmpty()) {
                LOG.warnf("%s confirmed event %s for unknown checkout %s: recorded unmatched", provider.name(),
                        event.eventId(), event.checkoutReference());
            }
            List<String> numbers = checkout.map(CheckoutEntity::numbers).orElse(List.of());
            RecordPayment.Command command = new RecordPayment.Command(provider.name() + ":" + event.eventId(),
                    RecordPayment.Source.PAYMENT_PROVIDER, event.amount().amount(), event.amount().code(),
                    LocalDate.ofInstant(event.paidAt(), ZoneOffset.UTC), PaymentMethod.CARD, event.payerName(), null,
                    "Online payment " + event.checkoutReference(), numbers, event.checkoutReference());
            return recordPayment.recordInCurrentTransaction(command).map(outcome -> {
                checkout.filter(c -> c.status == CheckoutEntity.Status.OPEN).ifPresent(c -> {
                    c.status = CheckoutEntity.Status.PAID;
                    c.paymentId = outcome.payment().id();
                    c.paidAt = clock.instant();
                });
                return outcome.created() ? Result.RECORDED : Result.ALREADY_RECORDED;
            });
        });
    }
}
