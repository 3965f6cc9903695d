package io.relance.dunning.api;

import io.relance.dunning.application.CollectorWorklist;
import io.relance.dunning.application.PreviewDunning;
import io.relance.dunning.domain.DunningRun;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.Reminder;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What would be sent on a day, and what collectors have to do. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class PreviewResource {

    public record PreviewedReminder(String customerId, int stepIndex, String stepName, List<String> channels,
                                    String templateKey, String tone, String currency, BigDecimal totalOpen,
                                    BigDecimal totalLateInterest, BigDecimal totalRecoveryIndemnity,
                                    List<String> invoiceNumbers) {

        static PreviewedReminder of(Reminder r) {
            return new PreviewedReminder(r.customerId(), r.stepIndex(), r.step().name(),
                    r.channels().stream().map(Enum::name).toList(), r.step().templateKey(), r.step().tone().name(),
                    r.currency().getCurrencyCode(), r.totalOpen().amount(), amount(r.totalLateInterest()),
                    amount(r.totalRecoveryIndemnity()), r.lines().stream().map(l -> l.invoiceNumber()).toList());
        }
    }

    public record PreviewedEscalation(String customerId, UUID invoiceId, int toStepIndex, String reason,
                                      boolean handOver, BigDecimal amountOpen, String currency) {
    }

    public record Preview(LocalDate date, List<PreviewedReminder> reminders, List<PreviewedEscalation> escalations) {
    }

    public record CallRequest(@NotNull CollectorWorklist.CallOutcome outcome) {
    }

    private final PreviewDunning preview;
    private final CollectorWorklist worklist;

    PreviewResource(PreviewDunning preview, CollectorWorklist worklist) {
        this.preview = preview;
        this.worklist = worklist;
    }

    @GET
    @Path("preview")
    @Operation(summary = "What would be sent on that date, to whom, on which channel, for how much; sends nothing")
    public Uni<Preview> preview(@QueryParam("date") @NotNull LocalDate date,
                                @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return preview.on(date, limit).map(runs -> new Preview(date,
                runs.stream().flatMap(run -> run.reminders().stream()).map(PreviewedReminder::of).toList(),
                runs.stream().map(DunningRun::escalations).flatMap(List::stream)
                        .map(e -> new PreviewedEscalation(e.customerId(), e.invoiceId(), e.toStepIndex(),
                                e.reason().name(), e.handOver(), e.amountOpen().amount(),
                                e.amountOpen().currency().getCurrencyCode()))
                        .toList()));
    }

    @GET
    @Path("worklist")
    @Operation(summary = "Phone calls to make, most urgent first (amount open × days overdue)")
    public Uni<List<CollectorWorklist.Task>> worklist() {
        return worklist.phoneTasks();
    }

    @POST
    @Path("worklist/{reminderId}/outcome")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record what a call came to")
    public Uni<Response> recordCall(@PathParam("reminderId") UUID reminderId,
                                    @jakarta.validation.Valid @NotNull CallRequest request) {
        return worklist.recordCall(reminderId, request.outcome()).map(found -> {
            if (!found) {
                throw new NotFoundException("no phone task " + reminderId);
            }
            return Response.noContent().build();
        });
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
