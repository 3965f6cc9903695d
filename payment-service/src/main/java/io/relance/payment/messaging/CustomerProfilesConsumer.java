package io.relance.payment.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.contracts.customer.CustomerUpdated;
import io.relance.delivery.Inbox;
import io.relance.payment.application.OpenItemLedger;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Keeps customers' legal names, to recognise a payer by name; an erasure tombstone deletes the name. */
@ApplicationScoped
public class CustomerProfilesConsumer {

    public static final String CHANNEL = "customer-profiles-in";

    private final Inbox inbox;
    private final OpenItemLedger ledger;

    CustomerProfilesConsumer(Inbox inbox, OpenItemLedger ledger) {
        this.inbox = inbox;
        this.ledger = ledger;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        if (message.getPayload() == null) {
            Object key = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getKey)
                    .orElse(null);
            // A tombstone has no event id to deduplicate on; deleting twice is harmless.
            Uni<Void> erase = key == null ? Uni.createFrom().voidItem()
                    : Panache.withTransaction(() -> ledger.customerErased(key.toString()));
            return erase.chain(() -> Uni.createFrom().completionStage(message.ack()));
        }
        return inbox.handle(message, (session, event) -> event instanceof CustomerUpdated profile
                ? ledger.customerProfile(profile.customerId(), profile.legalName())
                : Uni.createFrom().voidItem());
    }
}
