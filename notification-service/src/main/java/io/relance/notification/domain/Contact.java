package io.relance.notification.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What notification-service knows of a customer to write to it: a copy of the latest CustomerUpdated, deleted
 * when the customer is erased.
 */
public record Contact(String customerId, String legalName, List<String> emails, String phone, PostalAddress address,
                      Language language, Instant updatedAt) {

    public Contact {
        emails = List.copyOf(emails);
    }

    /** The address a message on this channel goes to, when the customer has one; none for channels without messages. */
    public Optional<String> recipientFor(Channel channel) {
        return switch (channel) {
            case EMAIL -> emails.stream().filter(e -> !e.isBlank()).findFirst();
            case SMS -> Optional.ofNullable(phone).filter(p -> !p.isBlank());
            case LETTER, REGISTERED_LETTER -> Optional.ofNullable(address).map(a -> String.join(", ", a.printedLines()));
            case PHONE_TASK, COLLECTION_AGENCY -> Optional.empty();
        };
    }

    /** An out-of-order, older profile must not overwrite a newer one. */
    public boolean isNewerThan(Contact other) {
        return other == null || updatedAt.isAfter(other.updatedAt);
    }
}
