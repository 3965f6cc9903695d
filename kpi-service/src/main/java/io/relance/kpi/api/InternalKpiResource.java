package io.relance.kpi.api;

import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.KpiTotals;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * What one instance answers its peers: the sums of its own partitions' ledgers, never merged with anyone's, so
 * that the asking instance merges each part exactly once.
 */
@Path("/kpis/internal")
@Produces(MediaType.APPLICATION_JSON)
public class InternalKpiResource {

    /** Sums per segment then currency, as plain values. */
    public record SumsDocument(Map<String, Map<String, KpiTotals.Snapshot>> bySegment) {

        static SumsDocument of(Sums sums) {
            Map<String, Map<String, KpiTotals.Snapshot>> bySegment = new LinkedHashMap<>();
            sums.bySegment().forEach((segment, byCurrency) -> bySegment.put(segment, snapshots(byCurrency)));
            return new SumsDocument(bySegment);
        }

        public Sums toSums() {
            Sums sums = Sums.empty();
            bySegment.forEach((segment, byCurrency) -> sums.bySegment().put(segment, totals(byCurrency)));
            return sums;
        }
    }

    private final ComputeKpis compute;

    InternalKpiResource(ComputeKpis compute) {
        this.compute = compute;
    }

    @GET
    @Path("/sums")
    @Operation(summary = "Between instances: this instance's KPI sums, one per day")
    public List<SumsDocument> sums(@QueryParam("day") List<String> days, @QueryParam("window") String window) {
        if (days == null || days.isEmpty()) {
            throw new BadParameterException("day", "is required at least once");
        }
        List<LocalDate> dates = days.stream().map(day -> QueryParameters.date("day", day, null)).toList();
        return compute.localSums(dates, positive(window)).stream().map(SumsDocument::of).toList();
    }

    @GET
    @Path("/customers/{customerId}")
    @Operation(summary = "Between instances: one customer's KPI sums per currency, 404 when its ledger is not here")
    public Map<String, KpiTotals.Snapshot> customer(@PathParam("customerId") String customerId,
                                                    @QueryParam("asOf") String asOf, @QueryParam("window") String window) {
        return compute.localCustomer(customerId, QueryParameters.date("asOf", asOf, null), positive(window))
                .map(InternalKpiResource::snapshots)
                .orElseThrow(() -> new NoSuchElementException("the ledger of " + customerId + " is not on this instance"));
    }

    static Map<String, KpiTotals.Snapshot> snapshots(Map<String, KpiTotals> byCurrency) {
        Map<String, KpiTotals.Snapshot> snapshots = new TreeMap<>();
        byCurrency.forEach((currency, totals) -> snapshots.put(currency, totals.snapshot()));
        return snapshots;
    }

    public static Map<String, KpiTotals> totals(Map<String, KpiTotals.Snapshot> snapshots) {
        Map<String, KpiTotals> totals = new TreeMap<>();
        snapshots.forEach((currency, snapshot) -> totals.put(currency, KpiTotals.of(snapshot)));
        return totals;
    }

    private static int positive(String window) {
        try {
            int days = Integer.parseInt(window);
            if (days > 0) {
                return days;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new BadParameterException("window", "must be a positive number of days, got '" + window + "'");
    }
}
