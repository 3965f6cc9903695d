package io.relance.notification.application;

import io.relance.notification.config.NotificationConfig;
import io.relance.notification.domain.Channel;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;

/** What one delivery costs on each channel, from configuration. */
@ApplicationScoped
public class ChannelCosts {

    private final NotificationConfig.Costs costs;

    ChannelCosts(NotificationConfig config) {
        this.costs = config.costs();
    }

    public BigDecimal of(Channel channel) {
        return switch (channel) {
            case EMAIL -> costs.email();
            case SMS -> costs.sms();
            case LETTER -> costs.letter();
            case REGISTERED_LETTER -> costs.registeredLetter();
            case PHONE_TASK -> costs.phoneTask();
            case COLLECTION_AGENCY -> costs.collectionAgency();
        };
    }

    public String currency() {
        return costs.currency();
    }
}
