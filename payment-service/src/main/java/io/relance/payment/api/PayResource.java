package io.relance.payment.api;

import io.relance.payment.application.CheckoutView;
import io.relance.payment.application.LinkStatement;
import io.relance.payment.application.PaymentLinks;
import io.relance.payment.application.StartCheckout;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.domain.PaymentLink;
import io.relance.payment.domain.PaymentLinkRejected;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * What a debtor reaches from a payment link, with no bearer token: the token in the path is the only credential,
 * and it grants its own customer's open invoices and checkouts, nothing else.
 */
@Path("/pay/{token}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PayResource {

    public record Invoice(UUID invoiceId, String invoiceNumber, LocalDate dueDate, String openAmount, String currency) {
    }

    public record Total(String currency, String amount) {
    }

    public record StatementResponse(String customerId, String customerName, Instant linkExpiresAt,
                                    List<Invoice> invoices, List<Total> totals) {
    }

    public record CheckoutRequest(@NotNull @Size(min = 1, max = 200) List<@NotNull UUID> invoiceIds) {
    }

    public record CheckoutResponse(UUID id, String status, String amount, String currency, List<String> invoiceNumbers,
                                   String provider, String providerReference, String redirectUrl) {

        static CheckoutResponse of(CheckoutView view) {
            return new CheckoutResponse(view.id(), view.status(), view.amount().amount().toPlainString(),
                    view.amount().code(), view.invoiceNumbers(), view.provider(), view.providerReference(),
                    view.redirectUrl().toString());
        }
    }

    private final PaymentLinks links;
    private final LinkStatement statement;
    private final StartCheckout startCheckout;
    private final RateLimits limits;

    PayResource(PaymentLinks links, LinkStatement statement, StartCheckout startCheckout, RateLimits limits) {
        this.links = links;
        this.statement = statement;
        this.startCheckout = startCheckout;
        this.limits = limits;
    }

    @GET
    @Operation(summary = "The link's customer's open invoices, oldest due first, with the total per currency")
    @APIResponse(responseCode = "403", description = "The link was altered or not issued by us (problem document)")
    @APIResponse(responseCode = "410", description = "The link expired (problem document)")
    @APIResponse(responseCode = "429", description = "Too many requests for this link (Retry-After)")
    public Uni<StatementResponse> open(@PathParam("token") String token) {
        PaymentLink link = verified(token);
        return statement.of(link).map(s -> new StatementResponse(s.customerId(), s.customerName(), s.expiresAt(),
                s.invoices().stream().map(PayResource::invoice).toList(), totals(s.invoices())));
    }

    @POST
    @Path("/checkouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Pay some of the link's open invoices: opens a checkout at the payment provider and answers the page to send the payer to")
    @APIResponse(responseCode = "201", description = "Checkout opened (OPEN until the provider's webhook confirms the payment)")
    @APIResponse(responseCode = "400", description = "An invoice id is not an open invoice of this link's customer, or currencies differ")
    public Uni<Response> checkout(@PathParam("token") String token, @Valid @NotNull CheckoutRequest request) {
        PaymentLink link = verified(token);
        return startCheckout.start(link, request.invoiceIds()).map(view -> Response
                .created(URI.create("/pay/" + token + "/checkouts/" + view.id()))
                .entity(CheckoutResponse.of(view)).build());
    }

    @GET
    @Path("/checkouts/{checkoutId}")
    @Operation(summary = "A checkout of this link's customer: PAID once the provider confirmed it")
    @APIResponse(responseCode = "404", description = "No such checkout for this link's customer")
    public Uni<CheckoutResponse> checkoutStatus(@PathParam("token") String token, @PathParam("checkoutId") UUID checkoutId) {
        return statement.checkout(verified(token), checkoutId).map(CheckoutResponse::of);
    }

    private PaymentLink verified(String token) {
        PaymentLink link;
        try {
            link = links.verify(token);
        } catch (PaymentLinkRejected rejected) {
            limits.link(RateLimits.REFUSED_LINKS);
            throw rejected;
        }
        limits.link(link.customerId() + "@" + link.expiresAt().getEpochSecond());
        return link;
    }

    private static Invoice invoice(OpenItem item) {
        return new Invoice(item.invoiceId(), item.invoiceNumber(), item.dueDate(),
                item.openAmount().amount().toPlainString(), item.openAmount().code());
    }

    private static List<Total> totals(List<OpenItem> items) {
        Map<String, Money> byCurrency = new TreeMap<>();
        items.forEach(i -> byCurrency.merge(i.openAmount().code(), i.openAmount(), Money::plus));
        return byCurrency.values().stream().map(m -> new Total(m.code(), m.amount().toPlainString())).toList();
    }
}
