package io.relance.dunning.api;

import io.relance.dunning.application.PreviewDunning;
import io.relance.dunning.domain.DunningRun;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.Reminder;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What would be sent on a day. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
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

    private final PreviewDunning preview;

    PreviewResource(PreviewDunning preview) {
        this.preview = preview;
    }

    @GET
    @Path("preview")
    @Operation(summary = "What would be sent on that date, to whom, on which channel, for how much; sends nothing")
    public Uni<Preview> preview(@QueryParam("date") @NotNull LocalDate date,
                                @QueryParam("limit") @DefaultValue("500") @Min(1) @Max(5000) int limit) {
        return preview.on(InputBounds.check("date", date), limit).map(runs -> new Preview(date,
                runs.stream().flatMap(run -> run.reminders().stream()).map(PreviewedReminder::of).toList(),
                runs.stream().map(DunningRun::escalations).flatMap(List::stream)
                        .map(e -> new PreviewedEscalation(e.customerId(), e.invoiceId(), e.toStepIndex(),
                                e.reason().name(), e.handOver(), e.amountOpen().amount(),
                                e.amountOpen().currency().getCurrencyCode()))
                        .toList()));
    }

    private static BigDecimal amount(Money money) {
        return money == null ? null : money.amount();
    }
}
