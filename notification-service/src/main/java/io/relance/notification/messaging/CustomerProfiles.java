package io.relance.notification.messaging;

import io.relance.contracts.customer.CustomerUpdated;
import io.relance.delivery.DeadLetters;
import io.relance.delivery.Inbox;
import io.relance.notification.application.ApplyCustomerProfile;
import io.relance.notification.domain.Contact;
import io.relance.notification.domain.Language;
import io.relance.notification.domain.PostalAddress;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Reads customer-profiles (compacted). A CustomerUpdated goes through the inbox like any event. A tombstone (null
 * value) is not an event the inbox can decode: it is handled here, before the inbox, by erasing the customer's
 * contact data; erasure is idempotent, so a redelivered tombstone needs no processed-event record.
 */
@ApplicationScoped
public class CustomerProfiles {

    public static final String CHANNEL = "customer-profiles";
    private static final Logger LOG = Logger.getLogger(CustomerProfiles.class);

    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ApplyCustomerProfile apply;

    CustomerProfiles(Inbox inbox, DeadLetters deadLetters, ApplyCustomerProfile apply) {
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.apply = apply;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        byte[] payload = message.getPayload();
        if (payload == null || payload.length == 0) {
            return erase(message);
        }
        return inbox.handle(message, (session, event) -> event instanceof CustomerUpdated updated
                ? apply.update(toDomain(updated))
                : Uni.createFrom().voidItem());
    }

    private Uni<Void> erase(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("customer-profiles is read from Kafka only"));
        Object key = metadata.getKey();
        if (key == null || key.toString().isBlank()) {
            return deadLetters.send(metadata, message.getPayload(), "tombstone without a customer id as key")
                    .chain(() -> Uni.createFrom().completionStage(message.ack()));
        }
        String customerId = key.toString();
        return apply.erase(customerId)
                .onFailure().invoke(e -> LOG.warnf("erasing customer %s failed, retrying: %s", customerId, e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .invoke(() -> LOG.infof("customer %s erased: contact data deleted", customerId))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    static Contact toDomain(CustomerUpdated event) {
        PostalAddress address = event.address() == null ? null : new PostalAddress(event.address().lines(),
                event.address().postalCode(), event.address().city(), event.address().countryCode());
        return new Contact(event.customerId(), event.legalName(), event.emails(), event.phone(), address,
                Language.valueOf(event.language().name()), event.occurredAt());
    }
}
