package io.relance.kpi.api;

import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.KpiQuery;
import io.relance.kpi.domain.Kpis;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@Path("/kpis")
@RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    /** The KPIs per currency for a date, window, currency and segment (null: all). */
    public record KpisResponse(LocalDate asOf, int window, String currency, String segment, List<KpiFigures> figures) {
    }

    /** One customer's KPIs per currency. */
    public record CustomerKpisResponse(String customerId, LocalDate asOf, int window, List<KpiFigures> figures) {
    }

    /** The open balance per aging bucket, per currency. */
    public record AgingResponse(LocalDate asOf, String currency, String segment, List<CurrencyAging> aging) {
    }

    public record CurrencyAging(String currency, String total, List<KpiFigures.AgingAmount> buckets) {
    }

    /** A series of KPIs, one point per step, for charts. */
    public record HistoryResponse(LocalDate from, LocalDate to, String step, int window, String currency, String segment,
                                  List<HistoryPoint> points) {
    }

    public record HistoryPoint(LocalDate asOf, List<KpiFigures> figures) {
    }

    /** One currency's total. */
    public record CurrencyAmount(String currency, String amount) {
    }

    /** Receivables per currency, from the events counted so far. */
    public record ReceivablesResponse(List<CurrencyAmount> receivables) {
    }

    private final ComputeKpis compute;
    private final Clock clock;

    KpiResource(ComputeKpis compute, Clock clock) {
        this.compute = compute;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "KPIs per currency as of a business date (default today) over a 30, 90 or 365-day window")
    public KpisResponse kpis(@QueryParam("asOf") String asOf, @QueryParam("window") String window,
                             @QueryParam("currency") String currency, @QueryParam("segment") String segment) {
        KpiQuery query = query(asOf, window, currency, segment);
        return new KpisResponse(query.asOf(), query.windowDays(), query.currency(), query.segment(),
                KpiFigures.all(compute.kpis(query)));
    }

    @GET
    @Path("/customers/{customerId}")
    @Operation(summary = "One customer's KPIs per currency; 404 when no event about it was counted")
    public CustomerKpisResponse customer(@PathParam("customerId") String customerId, @QueryParam("asOf") String asOf,
                                         @QueryParam("window") String window, @QueryParam("currency") String currency) {
        KpiQuery query = query(asOf, window, currency, null);
        return new CustomerKpisResponse(customerId, query.asOf(), query.windowDays(),
                KpiFigures.all(compute.customer(customerId, query)));
    }

    @GET
    @Path("/aging")
    @Operation(summary = "Open balances per aging bucket (not due, 1-30, 31-60, 61-90, >90 days overdue), per currency")
    public AgingResponse aging(@QueryParam("asOf") String asOf, @QueryParam("currency") String currency,
                               @QueryParam("segment") String segment) {
        KpiQuery query = query(asOf, null, currency, segment);
        Map<String, Kpis> kpis = compute.kpis(query);
        return new AgingResponse(query.asOf(), query.currency(), query.segment(), kpis.entrySet().stream()
                .map(e -> new CurrencyAging(e.getKey(), e.getValue().receivables().toPlainString(),
                        KpiFigures.aging(e.getValue().aging())))
                .toList());
    }

    @GET
    @Path("/history")
    @Operation(summary = "A series of KPIs from `from` to `to`, one point per step (day, week or month; default month)")
    public HistoryResponse history(@QueryParam("from") String from, @QueryParam("to") String to,
                                   @QueryParam("step") String step, @QueryParam("window") String window,
                                   @QueryParam("currency") String currency, @QueryParam("segment") String segment) {
        LocalDate start = QueryParameters.date("from", from, null);
        LocalDate end = QueryParameters.date("to", to, null);
        KpiQuery query = new KpiQuery(start, QueryParameters.window(window), QueryParameters.currency(currency),
                QueryParameters.segment(segment));
        List<LocalDate> days = QueryParameters.series(start, end, step);
        List<HistoryPoint> points = compute.history(query, days).stream()
                .map(p -> new HistoryPoint(p.asOf(), KpiFigures.all(p.byCurrency()))).toList();
        return new HistoryResponse(start, end, step == null || step.isBlank() ? "month" : step, query.windowDays(),
                query.currency(), query.segment(), points);
    }

    @GET
    @Path("/receivables")
    @Operation(summary = "Open receivables per currency from every event counted so far, whatever its business date")
    public ReceivablesResponse receivables() {
        return new ReceivablesResponse(compute.receivablesSoFar().entrySet().stream()
                .map(e -> new CurrencyAmount(e.getKey(), e.getValue().toPlainString())).toList());
    }

    private KpiQuery query(String asOf, String window, String currency, String segment) {
        return new KpiQuery(QueryParameters.date("asOf", asOf, LocalDate.now(clock)), QueryParameters.window(window),
                QueryParameters.currency(currency), QueryParameters.segment(segment));
    }
}
