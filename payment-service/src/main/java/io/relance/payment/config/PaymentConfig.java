package io.relance.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "relance.payment")
public interface PaymentConfig {

    /** Largest bank statement file accepted, in bytes; a larger one is refused before it is parsed. */
    @WithDefault("5242880")
    int statementMaxBytes();

    /** Largest JSON body accepted, in bytes (a match of 100 lines is about 10 kB); a larger one is refused unread. */
    @WithDefault("65536")
    int jsonMaxBytes();

    /** Address of this service as payers' browsers reach it; payment links and sandbox checkout pages are built on it. */
    @WithDefault("http://localhost:8083")
    URI publicBaseUrl();

    Links links();

    Sandbox sandbox();

    interface Links {
        /** HMAC-SHA256 key signing payment links (at least 32 bytes); changing it voids every link issued. */
        String secret();

        /** How long a link is valid when the caller does not say. */
        @WithDefault("P30D")
        Duration defaultValidity();

        /** The longest validity a caller may ask for. */
        @WithDefault("P90D")
        Duration maxValidity();

        /** Requests one link (or all refused links together) may make at once. */
        @WithDefault("20")
        int burst();

        /** One more request is allowed per link every this long once the burst is spent. */
        @WithDefault("PT3S")
        Duration refillEvery();
    }

    interface Sandbox {
        /** Secret the sandbox provider signs its webhooks with, as a real provider's dashboard would show it (at least 32 bytes). */
        String webhookSecret();

        /** How far a webhook's signed timestamp may be from now; older captures are refused. */
        @WithDefault("PT5M")
        Duration webhookTolerance();

        /** How long after the payer pays the sandbox sends its webhook, as a real provider does asynchronously. */
        @WithDefault("PT1S")
        Duration deliveryDelay();

        /** Where the sandbox posts its webhooks; by default this same service, at the address the payer used. */
        Optional<URI> webhookUrl();

        /** Webhook requests the sandbox endpoint takes at once (a provider retrying a backlog sends bursts). */
        @WithDefault("100")
        int webhookBurst();

        /** One more webhook request is allowed every this long once the burst is spent. */
        @WithDefault("PT0.05S")
        Duration webhookRefillEvery();
    }
}
