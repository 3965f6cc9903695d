package io.relance.payment.api;

import io.relance.payment.application.FindOpenItems;
import io.relance.payment.application.FindPayments;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What payment-service knows of one customer: its open invoices and its unapplied credit. */
@Path("/customers/{customerId}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerResource {

    /** One currency's unapplied credit; amounts are decimal strings. */
    public record Credit(String currency, String amount) {
    }

    public record OpenInvoice(UUID invoiceId, String invoiceNumber, LocalDate dueDate, String openAmount, String currency) {
    }

    private final FindPayments findPayments;
    private final FindOpenItems findOpenItems;

    CustomerResource(FindPayments findPayments, FindOpenItems findOpenItems) {
        this.findPayments = findPayments;
        this.findOpenItems = findOpenItems;
    }

    @GET
    @Path("/unapplied-credit")
    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The customer's unapplied credit (overpayments, unallocated parts of payments), per currency")
    public Uni<List<Credit>> unappliedCredit(@PathParam("customerId") String customerId) {
        return findPayments.unappliedCredit(customerId).map(byCurrency -> byCurrency.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Credit(e.getKey(), e.getValue().setScale(
                        Currency.getInstance(e.getKey()).getDefaultFractionDigits()).toPlainString()))
                .toList());
    }

    @GET
    @Path("/open-items")
    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The customer's invoices with an open balance, oldest due first, as matching sees them")
    public Uni<List<OpenInvoice>> openItems(@PathParam("customerId") String customerId) {
        return findOpenItems.ofCustomer(customerId).map(items -> items.stream()
                .map(i -> new OpenInvoice(i.invoiceId(), i.invoiceNumber(), i.dueDate(),
                        i.openAmount().amount().toPlainString(), i.openAmount().code()))
                .toList());
    }
}
