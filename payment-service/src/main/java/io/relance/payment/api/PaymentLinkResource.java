package io.relance.payment.api;

import io.relance.payment.application.PaymentLinks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Duration;
import java.time.Instant;

/** Issues payment links: a collector sends one by hand; dunning and notification ask for one per reminder. */
@Path("/payment-links")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentLinkResource {

    public record LinkRequest(@NotBlank @Size(max = 100) @Schema(examples = "C-1042") String customerId,
                              @Min(1) @Max(366) @Schema(examples = "30", description = "Default 30, at most the configured maximum (90)")
                              Integer validForDays) {
    }

    public record LinkResponse(String customerId, String url, String token, Instant expiresAt) {
    }

    private final PaymentLinks links;

    PaymentLinkResource(PaymentLinks links) {
        this.links = links;
    }

    @POST
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Issue a signed link, valid for a number of days, that shows and lets the customer pay its own open invoices")
    @APIResponse(responseCode = "201", description = "The link: url to send to the debtor, its token and its expiry")
    @APIResponse(responseCode = "400", description = "Invalid request (problem document naming the field and the rule)")
    public Response issue(@Valid @NotNull LinkRequest request) {
        PaymentLinks.Issued issued = links.issue(request.customerId(),
                request.validForDays() == null ? null : Duration.ofDays(request.validForDays()));
        return Response.created(issued.url())
                .entity(new LinkResponse(issued.customerId(), issued.url().toString(), issued.token(), issued.expiresAt()))
                .build();
    }
}
