package io.relance.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.notification.domain.Channel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

@ApplicationScoped
public class SuppressionRepository implements PanacheRepositoryBase<SuppressedRecipientEntity, SuppressedRecipientEntity.Key> {

    /** Why nothing may be sent to this address any more, when it is suppressed. */
    public Uni<Optional<String>> reasonFor(Channel channel, String recipient) {
        return find("channel = ?1 and recipient = ?2", channel.name(), recipient).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(e -> e.reason));
    }

    public Uni<Void> suppress(Channel channel, String recipient, String customerId, String reason, Instant now) {
        return reasonFor(channel, recipient).chain(existing -> {
            if (existing.isPresent()) {
                return Uni.createFrom().voidItem();
            }
            SuppressedRecipientEntity entity = new SuppressedRecipientEntity();
            entity.channel = channel.name();
            entity.recipient = recipient;
            entity.customerId = customerId;
            entity.reason = reason;
            entity.createdAt = now;
            return persist(entity).replaceWithVoid();
        });
    }

    public Uni<Long> forgetCustomer(String customerId) {
        return delete("customerId", customerId);
    }
}
