package io.relance.payment.api;

import io.relance.payment.application.PaymentStateException;
import io.relance.payment.provider.SandboxPaymentProvider;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The sandbox provider's hosted checkout page, where a real provider would take the card: reading the session and
 * paying it. Paying answers at once; the confirmation reaches payment-service later through the signed webhook.
 */
@Path("/sandbox/checkout/{session}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SandboxCheckoutResource {

    public record SessionResponse(String session, String amount, String currency, String description, boolean paid) {
    }

    public record PayRequest(@Size(max = 140) String payerName) {
    }

    private final SandboxPaymentProvider sandbox;
    private final RateLimits limits;

    SandboxCheckoutResource(SandboxPaymentProvider sandbox, RateLimits limits) {
        this.sandbox = sandbox;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "Sandbox provider: the checkout session the payer is paying")
    public SessionResponse get(@PathParam("session") String id) {
        limits.link("sandbox:" + id);
        return view(id);
    }

    @POST
    @Path("/pay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sandbox provider: the payer pays; the signed webhook follows asynchronously")
    public Response pay(@PathParam("session") String id, @Valid PayRequest request, @Context UriInfo uri) {
        limits.link("sandbox:" + id);
        if (sandbox.session(id).isEmpty()) {
            throw new NotFoundException("no sandbox session " + id);
        }
        if (!sandbox.pay(id, request == null ? null : request.payerName(),
                uri.getBaseUriBuilder().path("webhooks").path(SandboxPaymentProvider.NAME).build())) {
            throw new PaymentStateException("sandbox session " + id + " is already paid");
        }
        return Response.accepted(view(id)).build();
    }

    private SessionResponse view(String id) {
        return sandbox.session(id).map(s -> new SessionResponse(s.id(), s.amount().amount().toPlainString(),
                s.amount().code(), s.description(), s.paid())).orElseThrow(() -> new NotFoundException("no sandbox session " + id));
    }
}
