package io.relance.kpi.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.EventType;
import io.relance.contracts.RelanceEvent;
import io.relance.kpi.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * Two instances of one Kafka Streams application on the real broker: this test's, and a second one running as a
 * real process from the packaged jar, with its own port, instance id, advertised address and state folder, and the
 * same peer secret. Each owns some of the partitions; a request on either answers for every customer with the
 * figures of {@link BatchKpis} over the published events, and one customer's figures come from the instance that
 * holds its ledger. The test's events are dated 1990, before any other test's, and in a currency of its own, so the
 * figures as of 1990 in that currency are theirs alone; the application id is this test's own, so no other test's
 * Streams members share its consumer group.
 * Without standby copies (here): each instance reads its active partitions and asks the other for the rest, and a
 * frozen peer makes it unready. With them: {@link StandbyCopiesIT}.
 */
@QuarkusTest
@TestProfile(TwoInstancesIT.SecondInstanceExpected.class)
@WithTestResource(RelanceServersTestResource.class)
class TwoInstancesIT {

    static final String APPLICATION_ID = "kpi-service-two-instances-it";
    private static final String PEER_SECRET = "test-only-peer-secret";
    static final LocalDate AS_OF = LocalDate.parse("1990-12-31");
    private static final int CUSTOMERS = 40;

    /** This instance on a fixed free port, so that it can advertise it to the other one; no standby copies. */
    public static class SecondInstanceExpected implements QuarkusTestProfile {

        private static final int PORT = freePort();

        @Override
        public Map<String, String> getConfigOverrides() {
            return overrides(PORT, APPLICATION_ID, 0);
        }
    }

    static Map<String, String> overrides(int port, String applicationId, int standbyReplicas) {
        return Map.of("quarkus.http.test-port", Integer.toString(port),
                "kafka-streams.application.server", "127.0.0.1:" + port,
                "quarkus.kafka-streams.application-id", applicationId,
                "kafka-streams.group.instance.id", applicationId + "-1",
                "kafka-streams.num.standby.replicas", Integer.toString(standbyReplicas));
    }

    /** The consumer group of this test's two instances. */
    String applicationId() {
        return APPLICATION_ID;
    }

    int standbyReplicas() {
        return 0;
    }

    /** The currency of this test's events and figures, which no other test's events are in as of 1990. */
    String currency() {
        return "EUR";
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "kafka-streams.application.server")
    String self;

    @Inject
    KafkaStreams streams;

    @Inject
    ObjectMapper mapper;

    @Test
    void eitherInstanceAnswersForEveryCustomerWithTheSameFiguresAndOneCustomerFromTheInstanceHoldingItsLedger()
            throws Exception {
        RestAssured.requestSpecification = null;
        int peerPort = freePort();
        String peer = "127.0.0.1:" + peerPort;
        Process second = startSecondInstance(peerPort);
        try {
            awaitBothInstancesOwnPartitions(second, peer);

            Map<String, List<RelanceEvent>> byCustomer = events(new Random(1990), currency());
            List<RelanceEvent> log = byCustomer.values().stream().flatMap(List::stream).toList();
            publish(log);
            BatchKpis expected = new BatchKpis(log);

            for (int window : List.of(30, 90, 365)) {
                BatchKpis.Figures figures = expected.figures(AS_OF, window);
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                    JsonPath here = kpis(onThisInstance(), window, currency());
                    JsonPath there = kpis(on(peerPort), window, currency());
                    assertFigures(here, figures, currency(), "this instance, " + window + " days");
                    assertThat(there.getMap("figures[0]")).as("the other instance, " + window + " days")
                            .isEqualTo(here.getMap("figures[0]"));
                });
            }

            Map<String, String> holders = new LinkedHashMap<>();
            byCustomer.keySet().forEach(customer -> holders.put(customer, holder(customer)));
            assertThat(Set.copyOf(holders.values())).as("instances holding the customers' ledgers")
                    .containsExactlyInAnyOrder(self, peer);
            String elsewhere = first(holders, peer);
            String here = first(holders, self);
            assertCustomer(onThisInstance(), elsewhere, byCustomer.get(elsewhere));
            assertCustomer(on(peerPort), here, byCustomer.get(here));

            whileThePeerIsFrozen(second, peer, expected);
        } finally {
            stop(second);
        }
    }

    /** A peer that cannot answer makes every answer needing its part a 503: readiness says so, then recovers. */
    void whileThePeerIsFrozen(Process second, String peer, BatchKpis expected) throws Exception {
        signal("STOP", second.pid());
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(503).body(containsString("instance " + peer)));
            onThisInstance().queryParam("asOf", AS_OF.toString()).get("/kpis").then().statusCode(503);
        } finally {
            signal("CONT", second.pid());
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200));
    }

    private Process startSecondInstance(int port) throws IOException {
        Path jar = Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath();
        assertThat(jar).as("the packaged service (integration-test phase)").exists();
        Path work = Files.createDirectories(Path.of("target", applicationId()));
        Path state = Files.createTempDirectory(work, "state-");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(work.resolve("second-instance.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("QUARKUS_KAFKA_STREAMS_APPLICATION_ID", applicationId());
        env.put("RELANCE_KPI_INSTANCE_ID", applicationId() + "-2");
        env.put("RELANCE_KPI_STANDBY_REPLICAS", Integer.toString(standbyReplicas()));
        env.put("RELANCE_KPI_ADVERTISED_SERVER", "127.0.0.1:" + port);
        env.put("RELANCE_KPI_STATE_DIR", state.toAbsolutePath().toString());
        env.put("RELANCE_KPI_PEER_SECRET", PEER_SECRET);
        env.put("RELANCE_JWT_PUBLIC_KEY", Path.of("../deploy/dev-keys/jwt-public.pem").toAbsolutePath().normalize().toString());
        return builder.start();
    }

    private void awaitBothInstancesOwnPartitions(Process second, String peer) {
        // Until both run, the metadata calls throw (not started, rebalancing): retried like a failed assertion.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().untilAsserted(() -> {
            assertThat(second.isAlive()).as("the second instance runs (see target/" + applicationId() + "/second-instance.log)").isTrue();
            Map<String, Integer> partitions = streams.streamsMetadataForStore(KpiStores.LEDGERS).stream()
                    .collect(Collectors.toMap(m -> address(m.hostInfo()), m -> m.topicPartitions().size()));
            assertThat(partitions).as("partitions per instance").containsOnlyKeys(self, peer);
            assertThat(partitions.values()).allMatch(count -> count > 0);
            given().get("/q/health/ready").then().statusCode(200);
            given().port(Integer.parseInt(peer.substring(peer.indexOf(':') + 1))).get("/q/health/ready").then().statusCode(200);
        });
    }

    private String holder(String customer) {
        return address(streams.queryMetadataForKey(KpiStores.LEDGERS, customer, Serdes.String().serializer()).activeHost());
    }

    private static String first(Map<String, String> holders, String instance) {
        return holders.entrySet().stream().filter(e -> e.getValue().equals(instance)).findFirst().orElseThrow().getKey();
    }

    static JsonPath kpis(RequestSpecification request, int window, String currency) {
        return request.queryParam("asOf", AS_OF.toString()).queryParam("window", window).queryParam("currency", currency)
                .get("/kpis").then().statusCode(200).extract().jsonPath();
    }

    private void assertCustomer(RequestSpecification request, String customer, List<RelanceEvent> events) {
        BatchKpis.Figures expected = new BatchKpis(events).figures(AS_OF, 90);
        JsonPath answer = request.queryParam("asOf", AS_OF.toString()).queryParam("window", 90)
                .get("/kpis/customers/" + customer).then().statusCode(200).extract().jsonPath();
        assertFigures(answer, expected, currency(), "customer " + customer);
    }

    static void assertFigures(JsonPath answer, BatchKpis.Figures expected, String currency, String what) {
        assertThat(answer.getString("figures[0].currency")).as(what).isEqualTo(currency);
        assertThat(new BigDecimal(answer.getString("figures[0].receivables"))).as("receivables, " + what)
                .isEqualByComparingTo(expected.receivables());
        assertThat(new BigDecimal(answer.getString("figures[0].overdueReceivables"))).as("overdue, " + what)
                .isEqualByComparingTo(expected.overdue());
        assertThat(new BigDecimal(answer.getString("figures[0].revenue"))).as("revenue, " + what)
                .isEqualByComparingTo(expected.revenue());
        assertThat(new BigDecimal(answer.getString("figures[0].collected"))).as("collected, " + what)
                .isEqualByComparingTo(expected.collected());
        assertThat(answer.getLong("figures[0].invoicesIssued")).as("issued, " + what).isEqualTo(expected.invoicesIssued());
        assertThat(answer.getLong("figures[0].invoicesPaid")).as("paid, " + what).isEqualTo(expected.invoicesPaid());
        List<String> aging = answer.getList("figures[0].aging.amount");
        for (int i = 0; i < aging.size(); i++) {
            assertThat(new BigDecimal(aging.get(i))).as("aging bucket " + i + ", " + what)
                    .isEqualByComparingTo(expected.aging().get(i));
        }
    }

    static RequestSpecification onThisInstance() {
        return given().auth().oauth2(Tokens.of("manager"));
    }

    static RequestSpecification on(int port) {
        return given().port(port).auth().oauth2(Tokens.of("manager"));
    }

    /** Per customer: invoices issued in 1990, some paid in full, some in part, some open past their due date. */
    private static Map<String, List<RelanceEvent>> events(Random random, String currency) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, List<RelanceEvent>> byCustomer = new LinkedHashMap<>();
        for (int c = 0; c < CUSTOMERS; c++) {
            String customer = "C-two-" + run + "-" + c;
            List<RelanceEvent> events = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                UUID invoice = UUID.randomUUID();
                LocalDate issued = LocalDate.parse("1990-07-01").plusDays(random.nextInt(180));
                long cents = 10_000 + random.nextInt(10_000_000);
                String amount = BigDecimal.valueOf(cents, 2).toPlainString();
                events.add(Events.issued(customer, invoice, issued.toString(), issued.plusDays(30).toString(), amount, currency));
                switch (random.nextInt(3)) {
                    case 0 -> events.add(Events.paid(customer, invoice, issued.plusDays(random.nextInt(60)).toString(), amount, currency));
                    case 1 -> events.add(Events.paid(customer, invoice, issued.plusDays(random.nextInt(60)).toString(),
                            BigDecimal.valueOf(cents / 2, 2).toPlainString(), currency));
                    default -> {
                    }
                }
            }
            byCustomer.put(customer, events);
        }
        return byCustomer;
    }

    private void publish(List<RelanceEvent> events) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            for (RelanceEvent event : events) {
                EventType type = EventType.of(event.getClass());
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(type.topic(), event.customerId(),
                        mapper.writeValueAsBytes(event));
                record.headers().add(CloudEventHeaders.ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add(CloudEventHeaders.TYPE, type.ceType().getBytes(StandardCharsets.UTF_8));
                producer.send(record);
            }
            producer.flush();
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
