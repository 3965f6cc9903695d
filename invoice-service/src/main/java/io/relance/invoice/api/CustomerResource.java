package io.relance.invoice.api;

import io.relance.invoice.application.EraseCustomer;
import io.relance.invoice.application.FindCustomer;
import io.relance.invoice.application.FindInvoice;
import io.relance.invoice.application.SaveCustomer;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

@Path("/customers")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    static final String EXAMPLE = """
            {"sourceSystem":"sap-fr","externalId":"0000104711","legalName":"Électricité de France",
             "sirenOrVat":"FR03552081317","emails":["compta-fournisseurs@example.fr"],"phone":"+33612345678",
             "address":{"lines":["22-30 avenue de Wagram"],"postalCode":"75008","city":"Paris","countryCode":"FR"},
             "language":"fr","segment":"REGULAR","paymentTermsDays":30,"insolvency":null}""";

    private final SaveCustomer saveCustomer;
    private final FindCustomer findCustomer;
    private final EraseCustomer eraseCustomer;
    private final FindInvoice findInvoice;
    private final Clock clock;

    CustomerResource(SaveCustomer saveCustomer, FindCustomer findCustomer, EraseCustomer eraseCustomer,
                     FindInvoice findInvoice, Clock clock) {
        this.findInvoice = findInvoice;
        this.clock = clock;
        this.saveCustomer = saveCustomer;
        this.findCustomer = findCustomer;
        this.eraseCustomer = eraseCustomer;
    }

    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a debtor account; each change publishes CustomerUpdated")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "French company", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "200", description = "Updated, or unchanged when the profile was already this one")
    @APIResponse(responseCode = "400", description = "A field breaks a rule (problem document naming each)")
    @APIResponse(responseCode = "409", description = "The ERP reference belongs to another customer, or the customer was erased")
    public Uni<Response> save(@PathParam("id") String id, @NotNull CustomerRequest request) {
        return saveCustomer.save(id, request.toDraft())
                .onFailure(Problems::isUniqueViolation).retry().atMost(1)
                .map(outcome -> outcome.change() == SaveCustomer.Change.CREATED
                        ? Response.created(URI.create("/customers/" + id)).entity(CustomerResponse.of(outcome.customer())).build()
                        : Response.ok(CustomerResponse.of(outcome.customer())).build());
    }

    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @GET
    @Path("/{id}")
    @Operation(summary = "One debtor account")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<CustomerResponse> get(@PathParam("id") String id) {
        return findCustomer.byId(id).map(CustomerResponse::of);
    }

    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @GET
    @Path("/{id}/statement")
    @Operation(summary = "The customer's account statement: open items, balance, overdue amount and aging buckets")
    @APIResponse(responseCode = "200", description = "As of the business date 'asOf' (today by default)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "Statement",
                    value = "{\"customerId\":\"FR-552081317\",\"asOf\":\"2026-04-15\",\"totals\":[{\"currency\":\"EUR\",\"balance\":\"1500.00\",\"overdue\":\"1000.00\",\"aging\":{\"notDue\":\"500.00\",\"days1To30\":\"1000.00\",\"days31To60\":\"0.00\",\"days61To90\":\"0.00\",\"over90Days\":\"0.00\"}}],\"openItems\":[]}")))
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<StatementResponse> statement(@PathParam("id") String id, @QueryParam("asOf") String asOf) {
        return Uni.createFrom().item(() -> {
                    LocalDate day = QueryParams.date("asOf", asOf);
                    return day == null ? LocalDate.now(clock) : day;
                })
                .chain(day -> findInvoice.statement(id, day)).map(StatementResponse::of);
    }

    @RolesAllowed({Roles.ADMIN})
    @POST
    @Path("/{id}/erasure")
    @Operation(summary = "Erase the customer's personal data (GDPR); its invoices and balance stay")
    @APIResponse(responseCode = "200", description = "The anonymised customer; erasing twice changes nothing")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<CustomerResponse> erase(@PathParam("id") String id) {
        return eraseCustomer.erase(id).map(CustomerResponse::of);
    }
}
