package io.relance.kpi.api;

import io.relance.kpi.streams.KpiStores;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/kpis")
@Produces(MediaType.APPLICATION_JSON)
public class KpiResource {

    /** One currency's total. */
    public record CurrencyAmount(String currency, String amount) {
    }

    /** Receivables per currency, from the events counted so far. */
    public record ReceivablesResponse(List<CurrencyAmount> receivables) {
    }

    private final KafkaStreams streams;

    KpiResource(KafkaStreams streams) {
        this.streams = streams;
    }

    @GET
    @Path("/receivables")
    @Operation(summary = "Open receivables per currency (this instance's partitions)")
    public Response receivables() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        try {
            ReadOnlyKeyValueStore<String, String> store = streams.store(StoreQueryParameters.fromNameAndType(
                    KpiStores.RECEIVABLES, QueryableStoreTypes.keyValueStore()));
            // The store answers per partition: a currency appears once in each partition that has some.
            try (KeyValueIterator<String, String> all = store.all()) {
                while (all.hasNext()) {
                    KeyValue<String, String> entry = all.next();
                    totals.merge(entry.key, new BigDecimal(entry.value), BigDecimal::add);
                }
            }
        } catch (InvalidStateStoreException e) {
            return Response.status(503).type("application/problem+json").entity(Map.of(
                    "type", "https://relance.io/problems/not-ready", "title", "KPIs are not ready yet",
                    "status", 503, "detail", "the stream processor is " + streams.state())).build();
        }
        return Response.ok(new ReceivablesResponse(totals.entrySet().stream()
                .map(e -> new CurrencyAmount(e.getKey(), e.getValue().toPlainString())).toList())).build();
    }
}
