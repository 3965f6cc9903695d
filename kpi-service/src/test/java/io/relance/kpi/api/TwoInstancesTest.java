package io.relance.kpi.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relance.kpi.application.ComputeKpis;
import io.relance.kpi.application.KpiQuery;
import io.relance.kpi.application.LedgerBook;
import io.relance.kpi.application.Peers;
import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.Issue;
import io.relance.kpi.domain.KpiTotals;
import io.relance.kpi.domain.Movement;
import io.relance.kpi.domain.ReminderDelivery;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances, each with half of the ledgers, answer exactly what one instance with all of them answers. */
class TwoInstancesTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final LocalDate T = LocalDate.parse("2026-03-31");
    private static final TypeReference<Map<LocalDate, BigDecimal>> REVENUE_DAYS = new TypeReference<>() {
    };

    @Test
    void eitherInstanceAnswersForAllKeysWithTheSumsOfTheOtherSentAsJson() {
        List<CustomerLedger> all = ledgers();
        ComputeKpis single = new LedgerBook(all).kpis(ComputeKpis.noPeers());
        ComputeKpis b = new LedgerBook(all.subList(2, 4)).kpis(ComputeKpis.noPeers());
        ComputeKpis a = new LedgerBook(all.subList(0, 2)).kpis(overJson(b));

        for (String segment : new String[] {null, "RISKY"}) {
            KpiQuery query = new KpiQuery(T, 90, null, segment);
            assertThat(a.kpis(query)).isEqualTo(single.kpis(query));
            assertThat(a.history(query, List.of(T.minusMonths(1), T))).isEqualTo(single.history(query, List.of(T.minusMonths(1), T)));
        }
        assertThat(a.kpis(new KpiQuery(T, 90, null, null)).get("EUR").receivables()).isEqualByComparingTo("3100.00");
        assertThat(a.customer("C-3", new KpiQuery(T, 30, null, null)))
                .isEqualTo(single.customer("C-3", new KpiQuery(T, 30, null, null)));
        assertThat(a.receivablesSoFar()).isEqualTo(single.receivablesSoFar());
    }

    private static List<CustomerLedger> ledgers() {
        List<CustomerLedger> ledgers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            CustomerLedger ledger = CustomerLedger.empty("C-" + c).withSegment(c % 2 == 0 ? "RISKY" : "REGULAR");
            ledger.invoiceIssued("I-" + c, new Issue(LocalDate.parse("2026-01-1" + c), LocalDate.parse("2026-02-1" + c),
                    new BigDecimal("1000.00"), "EUR"));
            ledger.moved("I-" + c, "P-" + c, new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-03-0" + (c + 1)),
                    new BigDecimal(c * 150 + ".00")));
            ledger.reminderSent("S-" + c, new ReminderDelivery(LocalDate.parse("2026-02-2" + c), "EMAIL", new BigDecimal("0.05"), "EUR"));
            ledgers.add(ledger);
        }
        return ledgers;
    }

    /** The other instance as StreamsPeers sees it: its internal answers, through JSON. */
    private static Peers overJson(ComputeKpis other) {
        return new Peers() {
            @Override
            public List<Sums> sums(List<LocalDate> days, int windowDays, String currency) {
                return other.localSums(days, windowDays, currency).stream()
                        .map(sums -> roundTrip(InternalKpiResource.SumsDocument.of(sums), InternalKpiResource.SumsDocument.class).toSums())
                        .toList();
            }

            @Override
            public Map<LocalDate, BigDecimal> revenueDays(String segment, String currency, YearMonth month) {
                return roundTrip(other.localRevenueDays(segment, currency, month), REVENUE_DAYS);
            }

            @Override
            public Optional<Map<String, KpiTotals>> customer(String customerId, LocalDate asOf, int windowDays) {
                return other.localCustomer(customerId, asOf, windowDays)
                        .map(totals -> roundTrip(InternalKpiResource.SumsDocument.of(new Sums(Map.of("", totals))),
                                InternalKpiResource.SumsDocument.class).toSums().select(null));
            }
        };
    }

    private static <T> T roundTrip(Object value, Class<T> type) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T roundTrip(Object value, TypeReference<T> type) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(value), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
