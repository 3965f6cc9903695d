package io.relance.invoice.api;

import io.relance.invoice.application.ResolveDispute;
import io.relance.invoice.domain.Money;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.Optional;
import java.util.UUID;

@Path("/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DisputeResource {

    private final ResolveDispute resolveDispute;

    DisputeResource(ResolveDispute resolveDispute) {
        this.resolveDispute = resolveDispute;
    }

    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @POST
    @Path("/{id}/resolution")
    @Operation(summary = "Resolve a dispute (DisputeResolved): ACCEPTED issues the credit note given, REJECTED does not")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "Accepted", value = "{\"outcome\":\"ACCEPTED\",\"creditNote\":{\"number\":\"AV-2026-0031\",\"amount\":\"350.00\",\"currency\":\"EUR\"},\"comment\":\"agreed\"}"),
            @ExampleObject(name = "Rejected", value = "{\"outcome\":\"REJECTED\",\"comment\":\"delivery note signed without reserve\"}")}))
    @APIResponse(responseCode = "200", description = "Resolved; the invoice is no longer flagged disputed")
    @APIResponse(responseCode = "400", description = "Already resolved, unknown outcome, credit note missing or too large")
    @APIResponse(responseCode = "404", description = "No such dispute")
    public Uni<DisputeResponse> resolve(@PathParam("id") UUID disputeId, @Valid @NotNull DisputeRequests.Resolve request) {
        return Uni.createFrom().item(() -> settlement(request))
                .chain(settlement -> resolveDispute.resolve(disputeId, request.parsedOutcome(), settlement.orElse(null),
                        request.comment()))
                .map(DisputeResponse::of);
    }

    private static Optional<ResolveDispute.Settlement> settlement(DisputeRequests.Resolve request) {
        DisputeRequests.CreditNote note = request.creditNote();
        return note == null ? Optional.empty() : Optional.of(new ResolveDispute.Settlement(
                note.number(), new Money(note.amount(), Money.currency(note.currency()))));
    }
}
