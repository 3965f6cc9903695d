package io.relance.dunning.api;

import io.relance.dunning.application.ManageHolds;
import io.relance.dunning.domain.Debtor;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Promises to pay, payment plans, exclusions and pauses, recorded by credit controllers. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
public class HoldResource {

    // Amounts are bounded before any arithmetic: 1e999999999 is a BigDecimal that setScale would expand for hours.
    public record PromiseRequest(@NotNull LocalDate payBy,
                                 @NotNull @Positive @Digits(integer = 15, fraction = 6) BigDecimal amount,
                                 @PositiveOrZero Integer graceDays) {
    }

    public record PlanRequest(@NotEmpty List<@Valid @NotNull InstalmentRequest> instalments,
                              @PositiveOrZero Integer graceDays) {
    }

    public record InstalmentRequest(@NotNull LocalDate dueOn,
                                    @NotNull @Positive @Digits(integer = 15, fraction = 6) BigDecimal amount) {
    }

    /** A hold from {@code startsOn} (today when absent) to {@code endsOn} included (open-ended when absent). */
    public record HoldRequest(@NotBlank String reason, LocalDate startsOn, LocalDate endsOn) {
    }

    public record PolicyOverrideRequest(String policyId) {
    }

    /** A yearly rate in percent, as the column holds it (four decimals); above 100 % is no contract rate. */
    public record ContractRateRequest(@PositiveOrZero @DecimalMax("100") @Digits(integer = 3, fraction = 4)
                                      BigDecimal annualRate) {
    }

    /** The collector a customer's worklist items go to; null unassigns it. */
    public record AssigneeRequest(String assignee) {
    }

    /** The customer's dunning settings after a change. */
    public record DebtorResponse(String customerId, String segment, String policyOverride,
                                 CaseResponse.Hold pause, BigDecimal contractRate, String assignee) {

        static DebtorResponse of(Debtor d) {
            return new DebtorResponse(d.customerId(), d.segment().name(), d.policyOverride().orElse(null),
                    d.pause().map(CaseResponse::hold).orElse(null), d.contractRate().orElse(null),
                    d.assignee().orElse(null));
        }
    }

    private final ManageHolds holds;

    HoldResource(ManageHolds holds) {
        this.holds = holds;
    }

    @POST
    @Path("invoices/{invoiceId}/promise")
    @Operation(summary = "Record a promise to pay: dunning waits until its date plus the grace days")
    @APIResponse(responseCode = "400", description = "Promise in the past, amount above the open balance…")
    @APIResponse(responseCode = "404", description = "Unknown invoice")
    public Uni<CaseResponse> promise(@PathParam("invoiceId") UUID invoiceId, @Valid @NotNull PromiseRequest request) {
        return holds.promise(invoiceId, request.payBy(), request.amount(), request.graceDays()).map(CaseResponse::of);
    }

    @POST
    @Path("invoices/{invoiceId}/payment-plan")
    @Operation(summary = "Agree a payment plan: its instalments must add up to the open balance")
    @APIResponse(responseCode = "400", description = "Instalments not adding up, out of order, in the past…")
    @APIResponse(responseCode = "404", description = "Unknown invoice")
    public Uni<CaseResponse> plan(@PathParam("invoiceId") UUID invoiceId, @Valid @NotNull PlanRequest request) {
        return holds.agreePlan(invoiceId, request.instalments().stream()
                        .map(i -> new ManageHolds.InstalmentRequest(i.dueOn(), i.amount())).toList(), request.graceDays())
                .map(CaseResponse::of);
    }

    @PUT
    @Path("invoices/{invoiceId}/exclusion")
    @Operation(summary = "Exclude an invoice from dunning, with a reason and an optional end date")
    public Uni<CaseResponse> exclude(@PathParam("invoiceId") UUID invoiceId, @Valid @NotNull HoldRequest request) {
        return holds.exclude(invoiceId, request.reason(), request.startsOn(), request.endsOn()).map(CaseResponse::of);
    }

    @PUT
    @Path("customers/{customerId}/hold")
    @Operation(summary = "Pause all dunning of a customer, with a reason and an optional end date")
    public Uni<DebtorResponse> pause(@PathParam("customerId") String customerId, @Valid @NotNull HoldRequest request) {
        return holds.pause(customerId, request.reason(), request.startsOn(), request.endsOn()).map(DebtorResponse::of);
    }

    @DELETE
    @Path("customers/{customerId}/hold")
    public Uni<DebtorResponse> lift(@PathParam("customerId") String customerId) {
        return holds.lift(customerId).map(DebtorResponse::of);
    }

    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @PUT
    @Path("customers/{customerId}/policy")
    @Operation(summary = "Give a customer its own policy; a null policyId returns it to its segment's")
    public Uni<DebtorResponse> assignPolicy(@PathParam("customerId") String customerId,
                                            @NotNull PolicyOverrideRequest request) {
        return holds.assignPolicy(customerId, request.policyId()).map(DebtorResponse::of);
    }

    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @PUT
    @Path("customers/{customerId}/assignee")
    @Operation(summary = "Assign a customer to a collector: its worklist items are filtered by that name")
    public Uni<DebtorResponse> assign(@PathParam("customerId") String customerId,
                                      @NotNull AssigneeRequest request) {
        return holds.assign(customerId, request.assignee()).map(DebtorResponse::of);
    }

    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @PUT
    @Path("customers/{customerId}/contract-rate")
    @Operation(summary = "The late-payment rate of the customer's contract, in percent; null for the legal default")
    public Uni<DebtorResponse> contractRate(@PathParam("customerId") String customerId,
                                            @Valid @NotNull ContractRateRequest request) {
        return holds.agreeContractRate(customerId, request.annualRate()).map(DebtorResponse::of);
    }
}
