package io.relance.invoice.api;

import io.relance.invoice.application.FindInvoice;
import io.relance.invoice.application.IssueInvoice;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.Money;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.UUID;

@Path("/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvoiceResource {

    private final IssueInvoice issueInvoice;
    private final FindInvoice findInvoice;

    InvoiceResource(IssueInvoice issueInvoice, FindInvoice findInvoice) {
        this.issueInvoice = issueInvoice;
        this.findInvoice = findInvoice;
    }

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
                .chain(issueInvoice::issue)
                // Two concurrent first submissions: the loser of the unique key sees the winner's invoice on retry.
                .onFailure(Problems::isUniqueViolation).retry().atMost(1)
                .map(outcome -> outcome.created()
                        ? Response.created(URI.create("/invoices/" + outcome.invoice().id()))
                        .entity(InvoiceResponse.of(outcome.invoice())).build()
                        : Response.ok(InvoiceResponse.of(outcome.invoice())).build());
    }

    @GET
    @Path("/{id}")
    public Uni<InvoiceResponse> get(@PathParam("id") UUID id) {
        return findInvoice.byId(id).map(found -> found.map(InvoiceResponse::of)
                .orElseThrow(() -> new NotFoundException("no invoice " + id)));
    }
}
