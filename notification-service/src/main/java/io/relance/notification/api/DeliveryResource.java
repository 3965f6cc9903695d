package io.relance.notification.api;

import io.relance.notification.application.FindDeliveries;
import io.relance.notification.domain.Channel;
import io.relance.notification.domain.Delivery;
import io.relance.notification.domain.DeliveryStatus;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/")
@RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
public class DeliveryResource {

    /** One delivery of a reminder on one channel; {@code letter} is the PDF's path for letters that went out. */
    public record DeliveryResponse(UUID id, UUID reminderId, String customerId, Channel channel, DeliveryStatus status,
                                   String recipient, String providerReference, String trackingNumber, String cost,
                                   String costCurrency, String failureReason, Instant createdAt, Instant nextAttemptAt,
                                   String letter, List<FindDeliveries.Attempt> attempts) {
    }

    private final FindDeliveries find;

    DeliveryResource(FindDeliveries find) {
        this.find = find;
    }

    @GET
    @Path("/deliveries")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliveries of a customer's reminders, or of the reminders listing an invoice, with their attempts")
    public Uni<List<DeliveryResponse>> deliveries(@QueryParam("customerId") String customerId,
                                                  @QueryParam("invoiceId") String invoiceId) {
        boolean byCustomer = customerId != null && !customerId.isBlank();
        boolean byInvoice = invoiceId != null && !invoiceId.isBlank();
        if (byCustomer == byInvoice) {
            throw new InvalidParameterException(byCustomer ? "invoiceId" : "customerId",
                    "exactly one of customerId and invoiceId is required");
        }
        Uni<List<FindDeliveries.DeliveryView>> found = byCustomer
                ? find.byCustomer(Parameters.identifier("customerId", customerId))
                : find.byInvoice(Parameters.uuid("invoiceId", invoiceId));
        return found.map(list -> list.stream().map(DeliveryResource::response).toList());
    }

    @GET
    @Path("/letters/{deliveryId}")
    @Produces("application/pdf")
    @Operation(summary = "The PDF of a letter or registered letter, as posted")
    public Uni<byte[]> letter(@PathParam("deliveryId") String deliveryId) {
        UUID id = Parameters.uuid("deliveryId", deliveryId);
        return find.letter(id).map(pdf -> pdf.orElseThrow(() -> new NotFoundException("no letter for delivery " + id)));
    }

    private static DeliveryResponse response(FindDeliveries.DeliveryView view) {
        Delivery d = view.delivery();
        boolean letterPosted = d.channel().isLetter() && d.status() == DeliveryStatus.SENT;
        return new DeliveryResponse(d.id(), d.reminderId(), d.customerId(), d.channel(), d.status(), d.recipient(),
                d.providerReference(), d.trackingNumber(), d.cost() == null ? null : d.cost().toPlainString(),
                d.costCurrency(), d.failureReason(), d.createdAt(), d.status().isFinal() ? null : d.nextAttemptAt(),
                letterPosted ? "/letters/" + d.id() : null, view.attempts());
    }
}
