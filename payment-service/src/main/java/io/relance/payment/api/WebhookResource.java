package io.relance.payment.api;

import io.relance.payment.application.ConfirmOnlinePayment;
import io.relance.payment.application.PaymentProvider;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The payment provider's confirmations. No bearer token: the HMAC signature over the raw body is the credential, so
 * the body is read as bytes and verified before anything parses it.
 */
@Path("/webhooks/{provider}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    /** What the provider is told: recorded, already recorded (a redelivery), or an event that moves no money. */
    public record Acknowledgement(String result) {
    }

    private final PaymentProvider provider;
    private final ConfirmOnlinePayment confirm;
    private final RateLimits limits;

    WebhookResource(PaymentProvider provider, ConfirmOnlinePayment confirm, RateLimits limits) {
        this.provider = provider;
        this.confirm = confirm;
        this.limits = limits;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A signed webhook of the payment provider; a confirmed payment is recorded once per provider event id and applied to the checkout's invoices")
    @APIResponse(responseCode = "200", description = "RECORDED, ALREADY_RECORDED (a redelivered event) or IGNORED (an event that moves no money)")
    @APIResponse(responseCode = "401", description = "Signature missing, wrong, or its timestamp outside the tolerance (problem document)")
    public Uni<Acknowledgement> receive(@PathParam("provider") String name, byte[] body, @Context HttpHeaders headers) {
        if (!provider.name().equals(name)) {
            throw new NotFoundException("no payment provider named " + name);
        }
        limits.webhook(name);
        PaymentProvider.Event event = provider.readWebhook(body == null ? new byte[0] : body, headers::getHeaderString);
        return confirm.confirm(event)
                // Two deliveries of one event at once: the loser of the unique key finds the winner's payment on retry.
                .onFailure(Problems::isUniqueViolation).retry().atMost(1)
                .map(result -> new Acknowledgement(result.name()));
    }
}
