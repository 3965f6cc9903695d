package io.relance.payment.api;

import io.relance.payment.application.ApplyUnappliedCredit;
import io.relance.payment.application.FindOpenItems;
import io.relance.payment.application.FindPayments;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
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

    public record ApplyCreditRequest(@NotNull UUID invoiceId,
                                     @Schema(description = "Decimal string; default: as much as the credit and the invoice allow", examples = "50.00")
                                     @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 4) BigDecimal amount) {
    }

    /** One payment's credit applied to the invoice. */
    public record AppliedCredit(UUID paymentId, UUID invoiceId, String amount, String currency) {
    }

    public record OpenInvoice(UUID invoiceId, String invoiceNumber, LocalDate dueDate, String openAmount, String currency) {
    }

    /** Customer ids are stored as text: PostgreSQL refuses NUL, and no id has a control character. */
    private static final String PRINTABLE = "\\P{Cntrl}*";

    private final FindPayments findPayments;
    private final FindOpenItems findOpenItems;
    private final ApplyUnappliedCredit applyCredit;

    CustomerResource(FindPayments findPayments, FindOpenItems findOpenItems, ApplyUnappliedCredit applyCredit) {
        this.findPayments = findPayments;
        this.findOpenItems = findOpenItems;
        this.applyCredit = applyCredit;
    }

    @POST
    @Path("/unapplied-credit/applications")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.COLLECTOR, Roles.ADMIN})
    @Operation(summary = "Apply the customer's unapplied credit (oldest first) to one of its open invoices; PaymentReceived per payment used")
    @APIResponse(responseCode = "200", description = "What each payment's credit paid")
    @APIResponse(responseCode = "400", description = "Not an open invoice of the customer, no credit in its currency, or too large an amount")
    public Uni<List<AppliedCredit>> applyCredit(@PathParam("customerId") @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "must not contain control characters") String customerId,
                                                @Valid @NotNull ApplyCreditRequest request) {
        return applyCredit.apply(customerId, request.invoiceId(), request.amount()).map(uses -> uses.stream()
                .map(use -> new AppliedCredit(use.paymentId(), request.invoiceId(), use.amount().amount().toPlainString(),
                        use.amount().code()))
                .toList());
    }

    @GET
    @Path("/unapplied-credit")
    @RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
    @Operation(summary = "The customer's unapplied credit (overpayments, unallocated parts of payments), per currency")
    public Uni<List<Credit>> unappliedCredit(@PathParam("customerId") @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "must not contain control characters") String customerId) {
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
    public Uni<List<OpenInvoice>> openItems(@PathParam("customerId") @Size(max = 200) @Pattern(regexp = PRINTABLE, message = "must not contain control characters") String customerId) {
        return findOpenItems.ofCustomer(customerId).map(items -> items.stream()
                .map(i -> new OpenInvoice(i.invoiceId(), i.invoiceNumber(), i.dueDate(),
                        i.openAmount().amount().toPlainString(), i.openAmount().code()))
                .toList());
    }
}
