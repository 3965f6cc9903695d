package io.relance.kpi.api;

import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.KpiNotReadyException;
import io.relance.kpi.application.ReadinessRules;
import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.KpiTotals;
import io.relance.kpi.messaging.PartitionCopies;
import io.relance.kpi.messaging.StreamsReadiness;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What one instance answers its peers: the sums of its own active partitions' ledgers (never its standby copies,
 * never merged with anyone's), so that the asking instance merges each part exactly once. Only peers holding the shared secret
 * ({@code relance.kpi.peers.secret}) are answered: no user role reaches these endpoints.
 */
@Path("/kpis/internal")
@PermitAll
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

    /** The header a peer presents the shared secret in. */
    public static final String PEER_SECRET_HEADER = "Relance-Peer-Secret";

    private final ComputeKpis compute;
    private final PartitionCopies copies;
    private final StreamsReadiness readiness;
    private final SecurityIdentity identity;
    private final Optional<byte[]> secret;

    InternalKpiResource(ComputeKpis compute, PartitionCopies copies, StreamsReadiness readiness, SecurityIdentity identity,
                        @ConfigProperty(name = "relance.kpi.peers.secret") Optional<String> secret) {
        this.compute = compute;
        this.copies = copies;
        this.readiness = readiness;
        this.identity = identity;
        this.secret = secret.filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8));
    }

    @GET
    @Path("/sums")
    @Operation(summary = "Between instances: this instance's KPI sums, one per day")
    public List<SumsDocument> sums(@HeaderParam(PEER_SECRET_HEADER) String peerSecret,
                                   @QueryParam("day") List<String> days, @QueryParam("window") String window,
                                   @QueryParam("currency") String currency) {
        admitPeer(peerSecret);
        if (days == null || days.isEmpty()) {
            throw new BadParameterException("day", "is required at least once");
        }
        List<LocalDate> dates = days.stream().map(day -> QueryParameters.date("day", day, null)).toList();
        int windowDays = positive(window);
        String code = currency == null ? null : QueryParameters.currency(currency);
        return copies.activeOnly(() -> compute.localSums(dates, windowDays, code)).stream().map(SumsDocument::of).toList();
    }

    @GET
    @Path("/revenue")
    @Operation(summary = "Between instances: this instance's amount invoiced per issue day of one month, segment and currency")
    public Map<LocalDate, BigDecimal> revenue(@HeaderParam(PEER_SECRET_HEADER) String peerSecret,
                                              @QueryParam("currency") String currency, @QueryParam("month") String month,
                                              @QueryParam("segment") String segment) {
        admitPeer(peerSecret);
        String code = QueryParameters.currency(currency);
        if (code == null) {
            throw new BadParameterException("currency", "is required");
        }
        // Absent: every segment; empty: the customers whose segment is not known.
        String selected = segment == null || segment.equals(Sums.UNKNOWN_SEGMENT) ? segment : QueryParameters.segment(segment);
        YearMonth asked = month(month);
        return copies.activeOnly(() -> compute.localRevenueDays(selected, code, asked));
    }

    @GET
    @Path("/customers/{customerId}")
    @Operation(summary = "Between instances: one customer's KPI sums per currency, 404 when its ledger is not here")
    public Map<String, KpiTotals.Snapshot> customer(@HeaderParam(PEER_SECRET_HEADER) String peerSecret,
                                                    @PathParam("customerId") String customerId,
                                                    @QueryParam("asOf") String asOf, @QueryParam("window") String window) {
        admitPeer(peerSecret);
        LocalDate date = QueryParameters.date("asOf", asOf, null);
        int windowDays = positive(window);
        return copies.activeOnly(() -> compute.localCustomer(customerId, date, windowDays))
                .map(InternalKpiResource::snapshots)
                .orElseThrow(() -> new NoSuchElementException("the ledger of " + customerId + " is not on this instance"));
    }

    @GET
    @Path("/status")
    @Operation(summary = "Between instances: whether this instance can serve its own part of the sums (503 with why, if not)")
    public ReadinessRules.Verdict status(@HeaderParam(PEER_SECRET_HEADER) String peerSecret) {
        admitPeer(peerSecret);
        ReadinessRules.Verdict verdict = readiness.local();
        if (!verdict.ready()) {
            throw new KpiNotReadyException(String.join("; ", verdict.reasons()), null);
        }
        return verdict;
    }

    /** Compared in constant time; a caller with a user token but no secret is known, and still not allowed. */
    private void admitPeer(String presented) {
        if (secret.isPresent() && presented != null
                && MessageDigest.isEqual(secret.get(), presented.getBytes(StandardCharsets.UTF_8))) {
            return;
        }
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        throw new ForbiddenException();
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

    private static YearMonth month(String month) {
        try {
            YearMonth parsed = YearMonth.parse(month == null ? "" : month);
            if (!parsed.atDay(1).isBefore(QueryParameters.EARLIEST) && !parsed.atEndOfMonth().isAfter(QueryParameters.LATEST)) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // Reported below.
        }
        throw new BadParameterException("month", "must be a month as yyyy-MM from " + YearMonth.from(QueryParameters.EARLIEST)
                + " to " + YearMonth.from(QueryParameters.LATEST) + ", got '" + month + "'");
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
