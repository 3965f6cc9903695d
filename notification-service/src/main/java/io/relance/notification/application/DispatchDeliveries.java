package io.relance.notification.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.delivery.Outbox;
import io.relance.notification.config.NotificationConfig;
import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Contact;
import io.relance.notification.domain.Delivery;
import io.relance.notification.domain.DeliveryStatus;
import io.relance.notification.domain.Reminder;
import io.relance.notification.domain.RetryPolicy;
import io.relance.notification.domain.SendResult;
import io.relance.notification.domain.SendingWindow;
import io.relance.notification.messaging.DeliveryEvents;
import io.relance.notification.persistence.ContactRepository;
import io.relance.notification.persistence.DeliveryEntity;
import io.relance.notification.persistence.DeliveryRepository;
import io.relance.notification.persistence.LetterRepository;
import io.relance.notification.persistence.ReminderRepository;
import io.relance.notification.persistence.SuppressionRepository;
import io.relance.notification.rendering.MessageRenderer;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends the deliveries that are due, each in three steps: (1) a transaction claims it and records the attempt
 * (status SENDING, with a lease); (2) the provider is called with the delivery id as idempotency key and
 * Message-ID; (3) a transaction records the answer with its ReminderSent or ReminderFailed event. A crash between
 * (1) and (3) leaves SENDING behind: once the lease runs out the attempt is repeated with the same key, which
 * the provider answers with the first result instead of sending again.
 */
@ApplicationScoped
public class DispatchDeliveries {

    private static final Logger LOG = Logger.getLogger(DispatchDeliveries.class);
    /** How often a delivery waiting for its customer's profile looks again. */
    private static final Duration CONTACT_RECHECK = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final ReminderRepository reminders;
    private final ContactRepository contacts;
    private final SuppressionRepository suppressions;
    private final LetterRepository letters;
    private final MessageRenderer renderer;
    private final ChannelSenders senders;
    private final ChannelCosts costs;
    private final Outbox outbox;
    private final Clock clock;
    private final NotificationConfig.Dispatch dispatch;
    private final SendingWindow window;
    private final RetryPolicy retry;
    private final DeliveryMetrics metrics;

    DispatchDeliveries(DeliveryRepository deliveries, ReminderRepository reminders, ContactRepository contacts,
                       SuppressionRepository suppressions, LetterRepository letters, MessageRenderer renderer,
                       ChannelSenders senders, ChannelCosts costs, Outbox outbox, Clock clock, NotificationConfig config,
                       DeliveryMetrics metrics) {
        this.deliveries = deliveries;
        this.reminders = reminders;
        this.contacts = contacts;
        this.suppressions = suppressions;
        this.letters = letters;
        this.renderer = renderer;
        this.senders = senders;
        this.costs = costs;
        this.outbox = outbox;
        this.clock = clock;
        this.dispatch = config.dispatch();
        this.window = new SendingWindow(config.quietHours().zone(), config.quietHours().opens(), config.quietHours().closes());
        this.retry = new RetryPolicy(dispatch.initialBackoff(), dispatch.maxBackoff(), dispatch.maxAttempts());
        this.metrics = metrics;
    }

    /** One attempt to make: what to send, to whom, as which attempt number. */
    record Job(UUID deliveryId, int attempt, Channel channel, String recipient, Reminder reminder, Contact contact) {
    }

    /** Runs one round; returns how many deliveries were handed to a provider. */
    public Uni<Integer> dispatchDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> deliveries.claimDue(now, window.isOpen(now), dispatch.batchSize())
                        .chain(rows -> Multi.createFrom().iterable(rows)
                                .onItem().transformToUniAndConcatenate(row -> prepare(row, now))
                                .collect().asList()))
                .map(prepared -> prepared.stream().flatMap(Optional::stream).toList())
                .chain(jobs -> Multi.createFrom().iterable(jobs)
                        .onItem().transformToUniAndConcatenate(this::attempt)
                        .collect().asList()
                        .replaceWith(jobs.size()));
    }

    /** Settles what needs no provider; starts the attempt of the rest (step 1). */
    private Uni<Optional<Job>> prepare(DeliveryEntity row, Instant now) {
        Delivery delivery = row.toDomain();
        return reminders.byId(delivery.reminderId()).chain(reminder -> contacts.byCustomer(delivery.customerId())
                .chain(contact -> {
                    Channel channel = delivery.channel();
                    if (!channel.carriesMessage()) {
                        delivery.sent(null, null, costs.of(channel), costs.currency());
                        return settle(row, delivery, now, true);
                    }
                    if (contact.isEmpty()) {
                        Instant giveUpAt = delivery.createdAt().plus(dispatch.contactGrace());
                        if (now.isBefore(giveUpAt)) {
                            Instant recheck = now.plus(CONTACT_RECHECK);
                            delivery.postponeUntil(recheck.isBefore(giveUpAt) ? recheck : giveUpAt);
                            return deliveries.save(row, delivery, now).replaceWith(Optional.<Job>empty());
                        }
                        delivery.failedPermanently("unknown customer " + delivery.customerId() + ": no profile received");
                        return settle(row, delivery, now, true);
                    }
                    Reminder request = reminder.orElseThrow();
                    Optional<String> recipient = contact.get().recipientFor(channel);
                    if (recipient.isEmpty()) {
                        delivery.failedPermanently("no " + channel + " contact for customer " + delivery.customerId());
                        return settle(row, delivery, now, true);
                    }
                    if (!renderer.exists(request.templateKey(), channel, contact.get().language())) {
                        delivery.failedPermanently("unknown template '" + request.templateKey() + "' for " + channel
                                + " in " + contact.get().language().code());
                        return settle(row, delivery, now, true);
                    }
                    return suppressions.reasonFor(channel, recipient.get()).chain(suppressed -> {
                        if (suppressed.isPresent()) {
                            delivery.failedPermanently("recipient suppressed: " + suppressed.get());
                            return settle(row, delivery, now, true);
                        }
                        delivery.startAttempt(recipient.get(), now, dispatch.lease());
                        return deliveries.save(row, delivery, now)
                                .chain(() -> deliveries.startAttempt(delivery.id(), delivery.attempts(), now))
                                .replaceWith(Optional.of(new Job(delivery.id(), delivery.attempts(), channel,
                                        recipient.get(), request, contact.get())));
                    });
                }));
    }

    /** Steps 2 and 3: calls the provider, then records its answer; a failure here leaves the lease to expire. */
    private Uni<Void> attempt(Job job) {
        return Uni.createFrom().deferred(() -> senders.send(job))
                .onFailure().recoverWithItem(e -> new ChannelSenders.Outcome(new SendResult.Transient(e.toString()), null))
                .ifNoItem().after(dispatch.sendTimeout())
                .recoverWithItem(() -> new ChannelSenders.Outcome(new SendResult.Transient("provider timed out"), null))
                .chain(outcome -> Panache.withTransaction(() -> record(job, outcome)))
                .onFailure().invoke(e -> LOG.errorf(e, "delivery %s: attempt %d left in flight", job.deliveryId(), job.attempt()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> record(Job job, ChannelSenders.Outcome outcome) {
        Instant now = clock.instant();
        return deliveries.lock(job.deliveryId()).chain(row -> {
            Delivery delivery = row.toDomain();
            if (delivery.status() != DeliveryStatus.SENDING || delivery.attempts() != job.attempt()) {
                LOG.warnf("delivery %s: attempt %d superseded, its answer is not recorded", job.deliveryId(), job.attempt());
                return Uni.createFrom().voidItem();
            }
            SendResult result = outcome.result();
            Uni<Void> effects;
            if (result instanceof SendResult.Accepted accepted) {
                delivery.sent(accepted.providerReference(), accepted.trackingNumber(), costs.of(job.channel()), costs.currency());
                effects = deliveries.finishAttempt(job.deliveryId(), job.attempt(), now, "SENT", accepted.providerReference())
                        .chain(() -> outcome.letterPdf() == null ? Uni.createFrom().voidItem()
                                : letters.store(job.deliveryId(), outcome.letterPdf(), now));
            } else if (result instanceof SendResult.Transient failure) {
                delivery.failedTransiently(failure.reason(), retry, now);
                effects = deliveries.finishAttempt(job.deliveryId(), job.attempt(), now, "TRANSIENT_FAILURE", failure.reason());
            } else {
                SendResult.Permanent failure = (SendResult.Permanent) result;
                delivery.failedPermanently(failure.reason());
                effects = deliveries.finishAttempt(job.deliveryId(), job.attempt(), now, "PERMANENT_FAILURE", failure.reason())
                        .chain(() -> failure.suppressRecipient()
                                ? suppressions.suppress(job.channel(), job.recipient(), delivery.customerId(), failure.reason(), now)
                                : Uni.createFrom().voidItem());
            }
            boolean permanent = !(result instanceof SendResult.Transient);
            return effects.chain(() -> settle(row, delivery, now, permanent)).replaceWithVoid();
        });
    }

    /** Saves the delivery and, once it is final, publishes its outcome in the same transaction. */
    private Uni<Optional<Job>> settle(DeliveryEntity row, Delivery delivery, Instant now, boolean permanent) {
        Uni<Void> saved = deliveries.save(row, delivery, now);
        Uni<Void> published = switch (delivery.status()) {
            case SENT -> saved.chain(() -> outbox.append(DeliveryEvents.sent(delivery, now)))
                    .invoke(() -> metrics.sent(delivery.channel()));
            case FAILED -> saved.chain(() -> outbox.append(DeliveryEvents.failed(delivery, permanent, now)))
                    .invoke(() -> metrics.failed(delivery.channel(), permanent));
            default -> saved;
        };
        return published.replaceWith(Optional.empty());
    }
}
