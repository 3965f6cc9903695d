package io.relance.payment.application;

import io.quarkus.runtime.Startup;
import io.relance.payment.config.PaymentConfig;
import io.relance.payment.domain.PaymentLink;
import io.relance.payment.domain.PaymentLinkSigner;
import io.relance.payment.domain.PaymentRuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Issues and verifies the signed, expiring links that let a debtor see and pay its own open invoices. */
// Built at start-up so that a missing or short secret stops the service at once, not at the first link.
@Startup
@ApplicationScoped
public class PaymentLinks {

    /** The well-known development secret of application.properties: fine locally, never in production. */
    static final String DEVELOPMENT_SECRET_PREFIX = "dev-only-";
    private static final Logger LOG = Logger.getLogger(PaymentLinks.class);

    /** A link handed out: its token, the address the debtor opens, and until when it works. */
    public record Issued(String customerId, String token, URI url, Instant expiresAt) {
    }

    private final PaymentLinkSigner signer;
    private final PaymentConfig config;
    private final Clock clock;

    PaymentLinks(PaymentConfig config, Clock clock) {
        this.signer = new PaymentLinkSigner(config.links().secret().getBytes(StandardCharsets.UTF_8));
        this.config = config;
        this.clock = clock;
        if (config.links().secret().startsWith(DEVELOPMENT_SECRET_PREFIX)) {
            LOG.warn("payment links are signed with the development secret: set RELANCE_PAYMENT_LINK_SECRET outside local runs");
        }
    }

    public Issued issue(String customerId, Duration validity) {
        Duration asked = validity == null ? config.links().defaultValidity() : validity;
        if (asked.compareTo(config.links().maxValidity()) > 0) {
            throw new PaymentRuleViolation("validForDays", "must be at most " + config.links().maxValidity().toDays());
        }
        PaymentLink link = new PaymentLink(customerId, clock.instant().plus(asked));
        String token = signer.sign(link);
        return new Issued(customerId, token, config.publicBaseUrl().resolve("/pay/" + token), link.expiresAt());
    }

    /** @throws io.relance.payment.domain.PaymentLinkRejected when the token is forged, altered or expired */
    public PaymentLink verify(String token) {
        return signer.verify(token, clock.instant());
    }
}
