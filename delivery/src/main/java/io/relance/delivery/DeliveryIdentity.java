package io.relance.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Names this service gives itself on the wire: CloudEvents source, consumer names, dead-letter topic. */
@ApplicationScoped
public class DeliveryIdentity {

    private final String applicationName;
    private final DeliveryConfig config;

    DeliveryIdentity(@ConfigProperty(name = "quarkus.application.name") String applicationName, DeliveryConfig config) {
        this.applicationName = applicationName;
        this.config = config;
    }

    public String applicationName() {
        return applicationName;
    }

    public String source() {
        return config.source().orElse("/relance/" + applicationName);
    }

    public String deadLetterTopic() {
        return config.deadLetterTopic().orElse(applicationName + ".dead-letters");
    }

    /** The processed-event store keys ids by consumer, so one service can read several topics independently. */
    public String consumerName(String topic) {
        return applicationName + "/" + topic;
    }
}
