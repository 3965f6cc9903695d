package io.relance.dunning.api;

import io.relance.dunning.application.CaseHistory;
import io.relance.dunning.application.CollectorWorklist;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.CallOutcome;
import io.relance.dunning.domain.CallReport;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.WorkItem;
import io.relance.dunning.domain.WorkItemKind;
import io.relance.dunning.persistence.HistoryEntry;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What collectors have to do, what their calls came to, and each customer's case history. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
public class WorklistResource {

    public record Item(UUID itemId, WorkItemKind kind, String customerId, String assignee, List<UUID> invoiceIds,
                       List<String> invoiceNumbers, LocalDate since, LocalDate oldestDueDate, long daysOverdue,
                       BigDecimal amountOpen, String currency, BigDecimal priority) {

        static Item of(WorkItem i, LocalDate today) {
            return new Item(i.itemId(), i.kind(), i.customerId(), i.assignee(), i.invoiceIds(), i.invoiceNumbers(),
                    i.since(), i.oldestDueDate(), i.daysOverdue(today), i.amountOpen().amount(),
                    i.amountOpen().currency().getCurrencyCode(), i.priority(today));
        }
    }

    /** One page; {@code next} is the {@code after} of the following page, null on the last one. */
    public record Page(List<Item> items, String next) {
    }

    /** A promise to pay needs {@code payBy} and {@code amount}, and {@code invoiceId} when the item has several. */
    public record CallRequest(@NotNull CallOutcome outcome, LocalDate payBy,
                              @Positive @Digits(integer = 15, fraction = 6) BigDecimal amount,
                              UUID invoiceId, String note) {
    }

    public record Entry(Instant recordedAt, LocalDate businessDate, String kind, String channel, UUID reminderId,
                        List<UUID> invoiceIds, String detail) {

        static Entry of(HistoryEntry e) {
            return new Entry(e.recordedAt(), e.businessDate(), e.kind().name(), e.channel(), e.reminderId(),
                    e.invoiceIds(), e.detail());
        }
    }

    public record Claim(String customerId, UUID invoiceId, String invoiceNumber, BigDecimal amountOpen,
                        String currency, LocalDate declareBy) {

        static Claim of(DunningCase c) {
            return new Claim(c.customerId(), c.invoiceId(), c.invoice() == null ? null : c.invoice().invoiceNumber(),
                    c.openAmount().amount(), c.currency().getCurrencyCode(), c.claimDeclarationDeadline().orElse(null));
        }
    }

    private final CollectorWorklist worklist;
    private final CaseHistory history;
    private final BusinessClock clock;

    WorklistResource(CollectorWorklist worklist, CaseHistory history, BusinessClock clock) {
        this.worklist = worklist;
        this.history = history;
        this.clock = clock;
    }

    @GET
    @Path("worklist")
    @Operation(summary = "Phone steps due, broken promises, disputes open too long and hand-overs, most urgent "
            + "first (amount open × days overdue)")
    public Uni<Page> worklist(@QueryParam("assignee") String assignee,
                              @QueryParam("disputeDays") @PositiveOrZero Integer disputeDays,
                              @QueryParam("after") String after,
                              @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        LocalDate today = clock.today();
        return worklist.list(assignee, disputeDays, after, limit).map(page -> new Page(
                page.items().stream().map(i -> Item.of(i, today)).toList(), page.next()));
    }

    @POST
    @Path("worklist/{itemId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what a call came to; a promise to pay becomes the invoice's promise hold")
    @APIResponse(responseCode = "204", description = "Recorded in the customer's history")
    @APIResponse(responseCode = "400", description = "A promise without its date or amount, in the past, above the balance…")
    @APIResponse(responseCode = "404", description = "No open worklist item has this id")
    public Uni<Response> recordCall(@PathParam("itemId") UUID itemId, @Valid @NotNull CallRequest request) {
        return worklist.recordCall(itemId, new CallReport(request.outcome(), request.payBy(), request.amount(),
                request.invoiceId(), request.note())).map(found -> {
                    if (!found) {
                        throw new NotFoundException("no open worklist item " + itemId);
                    }
                    return Response.noContent().build();
                });
    }

    @GET
    @Path("customers/{customerId}/history")
    @Operation(summary = "Everything that happened to the customer's cases: reminders and their outcomes, "
            + "escalations, calls")
    public Uni<List<Entry>> history(@PathParam("customerId") String customerId) {
        return history.of(customerId).map(entries -> entries.stream().map(Entry::of).toList());
    }

    @GET
    @Path("insolvency-claims")
    @Operation(summary = "Invoices of customers in insolvency proceedings whose claim is still to be declared, "
            + "nearest deadline first")
    public Uni<List<Claim>> claims(@QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return history.claimsToDeclare(limit).map(cases -> cases.stream().map(Claim::of).toList());
    }
}
