package io.relance.kpi.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.kpi.api.InternalKpiResource;
import io.relance.kpi.application.KpiNotReadyException;
import io.relance.kpi.application.Peers;
import io.relance.kpi.application.Sums;
import io.relance.kpi.domain.KpiTotals;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.StreamsMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The other instances of the Kafka Streams application that hold part of {@value KpiStores#LEDGERS}, found from
 * the Streams metadata (each instance advertises {@code application.server}) and asked over HTTP. An instance
 * that does not answer makes the whole answer fail (503) rather than silently leave its part out.
 */
@ApplicationScoped
public class StreamsPeers implements Peers {

    private static final TypeReference<List<InternalKpiResource.SumsDocument>> SUMS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, KpiTotals.Snapshot>> CUSTOMER = new TypeReference<>() {
    };
    private static final TypeReference<Map<LocalDate, BigDecimal>> REVENUE_DAYS = new TypeReference<>() {
    };

    private final KafkaStreams streams;
    private final PartitionCopies copies;
    private final ObjectMapper mapper;
    private final Optional<String> self;
    private final Optional<String> secret;
    // A readiness probe must answer quickly, whatever a peer does.
    private static final Duration STATUS_TIMEOUT = Duration.ofSeconds(1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StreamsPeers(KafkaStreams streams, PartitionCopies copies, ObjectMapper mapper,
                 @ConfigProperty(name = "kafka-streams.application.server") Optional<String> self,
                 @ConfigProperty(name = "relance.kpi.peers.secret") Optional<String> secret) {
        this.streams = streams;
        this.copies = copies;
        this.mapper = mapper;
        this.self = self.filter(server -> !server.isBlank());
        this.secret = secret.filter(s -> !s.isBlank());
    }

    @Override
    public List<Sums> sums(List<LocalDate> days, int windowDays, String currency) {
        List<Sums> merged = new ArrayList<>();
        days.forEach(day -> merged.add(Sums.empty()));
        String query = days.stream().map(day -> "day=" + day).collect(Collectors.joining("&")) + "&window=" + windowDays
                + (currency == null ? "" : "&currency=" + encode(currency));
        for (HostInfo peer : others()) {
            List<InternalKpiResource.SumsDocument> parts = get(peer, "/kpis/internal/sums?" + query, SUMS)
                    .orElseThrow(() -> new KpiNotReadyException("instance " + peer + " holds no KPI sums yet", null));
            for (int i = 0; i < merged.size(); i++) {
                merged.get(i).add(parts.get(i).toSums());
            }
        }
        return merged;
    }

    @Override
    public Map<LocalDate, BigDecimal> revenueDays(String segment, String currency, YearMonth month) {
        String query = "/kpis/internal/revenue?currency=" + encode(currency) + "&month=" + month
                + (segment == null ? "" : "&segment=" + encode(segment));
        Map<LocalDate, BigDecimal> merged = new TreeMap<>();
        for (HostInfo peer : others()) {
            get(peer, query, REVENUE_DAYS)
                    .orElseThrow(() -> new KpiNotReadyException("instance " + peer + " holds no KPI sums yet", null))
                    .forEach((day, amount) -> merged.merge(day, amount, BigDecimal::add));
        }
        return merged;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public Optional<Map<String, KpiTotals>> customer(String customerId, LocalDate asOf, int windowDays) {
        String path = "/kpis/internal/customers/" + encode(customerId)
                + "?asOf=" + asOf + "&window=" + windowDays;
        for (HostInfo peer : others()) {
            Optional<Map<String, KpiTotals.Snapshot>> found = get(peer, path, CUSTOMER);
            if (found.isPresent()) {
                return found.map(InternalKpiResource::totals);
            }
        }
        return Optional.empty();
    }

    @Override
    public <T> T consistently(Supplier<T> query) {
        return copies.consistently(query);
    }

    /**
     * Every other instance holding part of the ledgers → why it cannot serve its part (its own readiness, asked with
     * a short timeout), empty when it can; none is needed when this instance holds a copy of every partition.
     */
    public Map<String, Optional<String>> statuses() {
        Map<String, Optional<String>> statuses = new LinkedHashMap<>();
        if (copies.readsEveryPartitionHere()) {
            return statuses;
        }
        for (HostInfo peer : others()) {
            statuses.put(peer.host() + ":" + peer.port(), status(peer));
        }
        return statuses;
    }

    private Optional<String> status(HostInfo peer) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + "/kpis/internal/status");
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(STATUS_TIMEOUT).GET();
            secret.ifPresent(s -> request.header(InternalKpiResource.PEER_SECRET_HEADER, s));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 200) {
                return Optional.empty();
            }
            return Optional.of("answered " + response.statusCode() + detail(response.body()));
        } catch (IOException e) {
            return Optional.of("did not answer: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while asking it");
        }
    }

    /** The problem document's detail, if the body is one. */
    private String detail(byte[] body) {
        try {
            String detail = mapper.readTree(body).path("detail").asText("");
            return detail.isEmpty() ? "" : ": " + detail;
        } catch (IOException e) {
            return "";
        }
    }

    /**
     * Every other instance holding a part of the ledgers; none when this one does not advertise itself, or when this
     * query reads every partition here.
     */
    private List<HostInfo> others() {
        if (self.isEmpty() || copies.readsEveryPartitionHere()) {
            return List.of();
        }
        return streams.streamsMetadataForStore(KpiStores.LEDGERS).stream()
                .map(StreamsMetadata::hostInfo)
                .filter(host -> !(host.host() + ":" + host.port()).equals(self.get()))
                .distinct()
                .toList();
    }

    /** The peer's answer, or empty on 404; any other failure means the figures cannot be complete. */
    private <T> Optional<T> get(HostInfo peer, String path, TypeReference<T> type) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + path);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET();
            secret.ifPresent(s -> request.header(InternalKpiResource.PEER_SECRET_HEADER, s));
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return Optional.empty();
            }
            if (response.statusCode() != 200) {
                throw new KpiNotReadyException("instance " + peer + " answered " + response.statusCode(), null);
            }
            return Optional.of(mapper.readValue(response.body(), type));
        } catch (IOException e) {
            throw new KpiNotReadyException("instance " + peer + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KpiNotReadyException("interrupted while asking instance " + peer, e);
        }
    }
}
