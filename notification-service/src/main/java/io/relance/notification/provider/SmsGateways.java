package io.relance.notification.provider;

import io.relance.notification.config.NotificationConfig;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The SMS gateway the configuration names: the sandbox (default) or the HTTP gateway. */
public class SmsGateways {

    @Produces
    @ApplicationScoped
    SmsGateway gateway(NotificationConfig config, SandboxSmsGateway sandbox, Vertx vertx) {
        NotificationConfig.Sms sms = config.sms();
        return switch (sms.gateway()) {
            case SANDBOX -> sandbox;
            case HTTP -> new HttpSmsGateway(vertx,
                    sms.url().orElseThrow(() -> new IllegalStateException("relance.notification.sms.url is required for the HTTP gateway")),
                    sms.token().orElseThrow(() -> new IllegalStateException("relance.notification.sms.token is required for the HTTP gateway")),
                    sms.sender(), config.dispatch().sendTimeout());
        };
    }
}
