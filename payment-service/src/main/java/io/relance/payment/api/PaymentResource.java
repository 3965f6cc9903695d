package io.relance.payment.api;

import io.relance.payment.application.FindPayments;
import io.relance.payment.application.MatchByHand;
import io.relance.payment.application.RecordPayment;
import io.relance.payment.application.UndoPayment;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PaymentResource {

    private final RecordPayment recordPayment;
    private final MatchByHand matchByHand;
    private final UndoPayment undoPayment;
    private final FindPayments findPayments;

    PaymentResource(RecordPayment recordPayment, MatchByHand matchByHand, UndoPayment undoPayment,
                    FindPayments findPayments) {
        this.recordPayment = recordPayment;
        this.matchByHand = matchByHand;
        this.undoPayment = undoPayment;
        this.findPayments = findPayments;
    }

    @POST
    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @Operation(summary = "Record a payment and apply it to open invoices; the same Idempotency-Key returns the payment already recorded")
    @APIResponse(responseCode = "201", description = "Recorded: MATCHED (PaymentReceived will be published) or UNMATCHED (queued with candidates)")
    @APIResponse(responseCode = "200", description = "The same payment had already been recorded under this key")
    @APIResponse(responseCode = "400", description = "Invalid request (problem document naming the field and the rule)")
    @APIResponse(responseCode = "409", description = "The key was used for a payment with other content (fields named)")
    public Uni<Response> record(@HeaderParam("Idempotency-Key") @NotBlank @Size(max = 200) String idempotencyKey,
                                @Valid @NotNull RecordPaymentRequest request) {
        RecordPayment.Command command = new RecordPayment.Command(idempotencyKey, RecordPayment.Source.API,
                request.amount(), request.currency(), request.valueDate(), request.method(), request.payerName(),
                request.payerIban(), request.remittance(), request.invoiceReferences(), null);
        return recordPayment.record(command)
                // Two concurrent first submissions: the loser of the unique key sees the winner's payment on retry.
                .onFailure(Problems::isUniqueViolation).retry().atMost(1)
                .map(outcome -> outcome.created()
                        ? Response.created(URI.create("/payments/" + outcome.payment().id()))
                        .entity(PaymentResponse.of(outcome.payment())).build()
                        : Response.ok(PaymentResponse.of(outcome.payment())).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.ERP, Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "A payment with its allocations, or its queue reason and candidates")
    public Uni<PaymentResponse> get(@PathParam("id") UUID id) {
        return findPayments.byId(id).map(PaymentResponse::of);
    }

    @GET
    @Path("/unmatched")
    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The unmatched queue, oldest value date first, each with ranked candidate invoices")
    public Uni<List<PaymentResponse>> unmatched(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return findPayments.unmatched(limit).map(list -> list.stream().map(PaymentResponse::of).toList());
    }

    @POST
    @Path("/{id}/match")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Match a queued payment by hand to one or several invoices (a split); the rest stays unapplied credit")
    @APIResponse(responseCode = "200", description = "Matched; PaymentReceived will be published")
    @APIResponse(responseCode = "400", description = "An allocation breaks a rule (problem document naming it)")
    @APIResponse(responseCode = "409", description = "The payment is not in the queue")
    public Uni<PaymentResponse> match(@PathParam("id") UUID id, @Valid @NotNull MatchRequest request) {
        return matchByHand.match(id, request.allocations().stream()
                        .map(line -> new MatchByHand.Line(line.invoiceId(), line.amount())).toList())
                .map(PaymentResponse::of);
    }

    @POST
    @Path("/{id}/unmatch")
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Undo a match: the invoices are owed again (PaymentReversed) and the payment returns to the queue")
    @APIResponse(responseCode = "409", description = "The payment is not matched")
    public Uni<PaymentResponse> unmatch(@PathParam("id") UUID id, @Valid @NotNull UnmatchRequest request) {
        return undoPayment.unmatch(id, request.reason()).map(PaymentResponse::of);
    }
}
