package io.relance.invoice.api;

import io.relance.invoice.application.CancelInvoice;
import io.relance.invoice.application.FindInvoice;
import io.relance.invoice.application.GroupCommit;
import io.relance.invoice.application.IssueCreditNote;
import io.relance.invoice.application.WriteOffInvoice;
import io.relance.invoice.application.OpenDispute;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceFilter;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.InvoiceStatus;
import io.relance.invoice.domain.Money;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final GroupCommit groupCommit;
    private final FindInvoice findInvoice;
    private final IssueCreditNote issueCreditNote;
    private final CancelInvoice cancelInvoice;
    private final WriteOffInvoice writeOffInvoice;
    private final OpenDispute openDispute;
    private final Clock clock;

    InvoiceResource(GroupCommit groupCommit, FindInvoice findInvoice, IssueCreditNote issueCreditNote,
                    CancelInvoice cancelInvoice, WriteOffInvoice writeOffInvoice, OpenDispute openDispute, Clock clock) {
        this.openDispute = openDispute;
        this.clock = clock;
        this.groupCommit = groupCommit;
        this.findInvoice = findInvoice;
        this.issueCreditNote = issueCreditNote;
        this.cancelInvoice = cancelInvoice;
        this.writeOffInvoice = writeOffInvoice;
    }

    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @POST
    @Operation(summary = "Issue an invoice entered in Relance (issuer 'relance', identified by its number); "
            + "sending the same invoice again returns the one already issued")
    @APIResponse(responseCode = "201", description = "Issued; InvoiceIssued will be published")
    @APIResponse(responseCode = "200", description = "The same invoice had already been issued")
    @APIResponse(responseCode = "400", description = "Invalid request (problem document naming the field)")
    @APIResponse(responseCode = "409", description = "The number was issued with other content (fields named)")
    @APIResponse(responseCode = "422", description = "The customer does not exist")
    public Uni<Response> issue(@Valid @NotNull IssueInvoiceRequest request) {
        return Uni.createFrom().item(() -> new Invoice.Submission(request.customerId(), Invoice.RELANCE_ISSUER,
                        request.number(), null, null, request.issueDate(), request.dueDate(),
                        new Money(request.amount(), Money.currency(request.currency()))))
                .chain(groupCommit::issue)
                // Two concurrent first submissions: the loser of the unique key sees the winner's invoice on retry.
                .onFailure(Problems::isUniqueViolation).retry().atMost(1)
                .map(outcome -> outcome.created()
                        ? Response.created(URI.create("/invoices/" + outcome.invoice().id()))
                        .entity(InvoiceResponse.of(outcome.invoice())).build()
                        : Response.ok(InvoiceResponse.of(outcome.invoice())).build());
    }

    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @GET
    @Operation(summary = "List invoices, filtered, in due-date order, one page at a time (keyset pagination)")
    @APIResponse(responseCode = "200", description = "A page; pass its 'next' as 'after' for the following one",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Page",
                    value = "{\"items\":[{\"id\":\"6f1c…\",\"customerId\":\"FR-552081317\",\"number\":\"FA-2025-000481\",\"dueDate\":\"2025-03-05\",\"amount\":\"14280.00\",\"openAmount\":\"14280.00\",\"status\":\"OPEN\"}],\"next\":\"2025-03-05_6f1c…\"}")))
    @APIResponse(responseCode = "400", description = "A parameter is invalid (problem naming it)")
    public Uni<InvoicePage> list(@QueryParam("customerId") String customerId, @QueryParam("status") String status,
                                 @QueryParam("overdue") String overdue, @QueryParam("dueFrom") String dueFrom,
                                 @QueryParam("dueTo") String dueTo, @QueryParam("minAmount") String minAmount,
                                 @QueryParam("maxAmount") String maxAmount, @QueryParam("after") String after,
                                 @QueryParam("limit") @DefaultValue("50") int limit) {
        return Uni.createFrom().item(() -> {
            LocalDate afterDueDate = null;
            UUID afterId = null;
            if (after != null && !after.isBlank()) {
                int separator = after.indexOf('_');
                try {
                    afterDueDate = LocalDate.parse(after.substring(0, Math.max(separator, 0)));
                    afterId = UUID.fromString(after.substring(separator + 1));
                } catch (RuntimeException e) {
                    throw new InvoiceRuleViolation("after", "must be a cursor returned as 'next' by a previous page");
                }
            }
            return new InvoiceFilter(customerId, QueryParams.enumeration(InvoiceStatus.class, "status", status),
                    QueryParams.bool("overdue", overdue), QueryParams.date("dueFrom", dueFrom),
                    QueryParams.date("dueTo", dueTo), QueryParams.amount("minAmount", minAmount),
                    QueryParams.amount("maxAmount", maxAmount), afterDueDate, afterId, limit, LocalDate.now(clock));
        }).chain(filter -> findInvoice.page(filter).map(found -> {
            Invoice last = found.size() == filter.limit() ? found.get(found.size() - 1) : null;
            return new InvoicePage(found.stream().map(InvoiceResponse::of).toList(),
                    last == null ? null : last.dueDate() + "_" + last.id());
        }));
    }

    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "Every fact that touched the invoice, in the order it was recorded")
    @APIResponse(responseCode = "404", description = "No such invoice")
    public Uni<List<TimelineResponse>> timeline(@PathParam("id") UUID id) {
        return findInvoice.timeline(id).map(entries -> entries.stream().map(TimelineResponse::of).toList());
    }

    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "One invoice, with its balance, status and dispute flag")
    @APIResponse(responseCode = "404", description = "No such invoice")
    public Uni<InvoiceResponse> get(@PathParam("id") UUID id) {
        return findInvoice.byId(id).map(found -> found.map(InvoiceResponse::of)
                .orElseThrow(() -> new NotFoundException("no invoice " + id)));
    }

    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @POST
    @Path("/{id}/credit-notes")
    @Operation(summary = "Issue a credit note on the invoice (CreditNoteIssued); the same number again returns it")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Partial credit",
            value = "{\"number\":\"AV-2026-0012\",\"amount\":\"200.00\",\"currency\":\"EUR\",\"issueDate\":\"2026-03-10\",\"reason\":\"damaged goods\"}")))
    @APIResponse(responseCode = "201", description = "Issued; the invoice's balance and status follow")
    @APIResponse(responseCode = "200", description = "This credit note had already been issued")
    @APIResponse(responseCode = "400", description = "More than the open amount, other currency, cancelled or written-off invoice")
    @APIResponse(responseCode = "404", description = "No such invoice")
    @APIResponse(responseCode = "409", description = "The number was used for another credit note")
    public Uni<Response> creditNote(@PathParam("id") UUID id, @Valid @NotNull CreditNoteRequest request) {
        return Uni.createFrom().item(() -> new Money(request.amount(), Money.currency(request.currency())))
                .chain(amount -> issueCreditNote.issue(id, request.number(), amount, request.issueDate(), request.reason()))
                .map(outcome -> Response.status(outcome.created() ? 201 : 200)
                        .entity(CreditNoteResponse.of(outcome.creditNote(), outcome.invoice())).build());
    }

    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @POST
    @Path("/{id}/cancellation")
    @Operation(summary = "Cancel an invoice issued in error (InvoiceCancelled); cancelling again changes nothing")
    @APIResponse(responseCode = "200", description = "The cancelled invoice")
    @APIResponse(responseCode = "400", description = "Payments were applied to it, or it was written off")
    @APIResponse(responseCode = "404", description = "No such invoice")
    public Uni<InvoiceResponse> cancel(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return cancelInvoice.cancel(id, request.reason()).map(InvoiceResponse::of);
    }

    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @POST
    @Path("/{id}/write-off")
    @Operation(summary = "Write the open balance off as bad debt (InvoiceWrittenOff); managers only")
    @APIResponse(responseCode = "200", description = "The written-off invoice")
    @APIResponse(responseCode = "400", description = "Nothing open, or the invoice was cancelled")
    @APIResponse(responseCode = "404", description = "No such invoice")
    public Uni<InvoiceResponse> writeOff(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return writeOffInvoice.writeOff(id, request.reason()).map(InvoiceResponse::of);
    }

    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @POST
    @Path("/{id}/disputes")
    @Operation(summary = "Open a dispute on an invoice (DisputeOpened); one open dispute per invoice")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Damaged goods",
            value = "{\"reason\":\"QUALITY\",\"disputedAmount\":\"350.00\",\"currency\":\"EUR\",\"comment\":\"3 pallets damaged\"}")))
    @APIResponse(responseCode = "201", description = "Opened; the invoice is flagged disputed")
    @APIResponse(responseCode = "400", description = "Already disputed, nothing open, amount above the open amount, unknown reason")
    @APIResponse(responseCode = "404", description = "No such invoice")
    public Uni<Response> open(@PathParam("id") UUID invoiceId, @Valid @NotNull DisputeRequests.Open request) {
        return Uni.createFrom().item(() -> new Money(request.disputedAmount(), Money.currency(request.currency())))
                .chain(amount -> openDispute.open(invoiceId, request.parsedReason(), amount, request.comment()))
                // Two concurrent openings: the partial unique index lets one win; the other is told it is disputed.
                .onFailure(Problems::isUniqueViolation).retry().atMost(1)
                .map(dispute -> Response.created(URI.create("/disputes/" + dispute.id()))
                        .entity(DisputeResponse.of(dispute)).build());
    }

}
