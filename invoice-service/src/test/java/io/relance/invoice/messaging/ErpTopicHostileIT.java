package io.relance.invoice.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.invoice.Tokens;
import io.relance.invoice.TopicProbe;
import io.relance.invoice.testing.HostileJson;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile records on erp-invoices, each followed by a valid invoice, in one partition (one key): records that are
 * not JSON, JSON of another shape, null values and keys, unknown or missing types, a key that is not the customer,
 * a record near the broker's size limit, and invoices with a field broken (drawn from a seed, {@code -Dfuzz.seed=}
 * replays one). Each record is either issued or dead-lettered with a reason, every valid invoice after a hostile one
 * is issued (the partition keeps flowing), and the invoices stored are exactly those published.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class ErpTopicHostileIT {

    private static final long SEED = Long.getLong("fuzz.seed", 20261124L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVOICE = "relance.erp.invoice.v1";
    private static final String CUSTOMER = "relance.erp.customer.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private String customer;
    private String sourceSystem;
    private String templateExternalId;
    private String templateNumber;

    /** One record to send: its key, value (null for a null value) and ce_type (null for none). */
    private record Hostile(String key, byte[] value, String ceType, boolean surelyRefused) {
    }

    @BeforeEach
    void aCustomerOfItsOwnAndAnErpOfItsOwn() {
        Tokens.actAs("admin");
        customer = "C-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                        {"sourceSystem":"test","externalId":"%s","legalName":"ACME SAS","language":"fr","segment":"NEW"}"""
                        .formatted(UUID.randomUUID()))
                .put("/customers/" + customer).then().statusCode(201);
        // Its own ERP name: (sourceSystem, externalId) is the intake's key, so no other test's invoice collides.
        sourceSystem = "fuzz-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private String validInvoice() {
        return """
                {"sourceSystem":"%s","externalId":"%s","invoiceNumber":"FZ-%s","customerId":"%s",
                 "issueDate":"2026-03-02","dueDate":"2026-04-01","amount":"120.00","currency":"EUR"}"""
                .formatted(sourceSystem, UUID.randomUUID(), UUID.randomUUID(), customer);
    }

    @Test
    void everyHostileRecordIsIssuedOrDeadLetteredWithItsReasonAndThePartitionKeepsFlowing() {
        List<Hostile> hostile = hostileRecords();
        Map<String, Hostile> sentHostile = new LinkedHashMap<>();
        Set<String> validExternalIds = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 1_000_000), new StringSerializer(), new ByteArraySerializer())) {
            for (Hostile record : hostile) {
                RecordMetadata sent = send(producer, record);
                sentHostile.put(sent.partition() + "@" + sent.offset(), record);
                String valid = validInvoice();
                validExternalIds.add(read(valid).path("externalId").asText());
                send(producer, new Hostile(customer, valid.getBytes(StandardCharsets.UTF_8), INVOICE, false));
            }
        }

        TopicProbe probe = new TopicProbe(bootstrapServers);
        List<ConsumerRecord<String, String>> issued = probe.readAll(Topics.INVOICE_EVENTS, customer, Duration.ofSeconds(1));
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!issuedAll(issued, validExternalIds) && System.nanoTime() < deadline) {
            issued = probe.readAll(Topics.INVOICE_EVENTS, customer, Duration.ofSeconds(2));
        }
        Map<String, String> reasons = deadLetterReasons(probe);

        List<String> wrong = new ArrayList<>();
        Set<String> issuedExternalIds = externalIds(issued);
        validExternalIds.stream().filter(id -> !issuedExternalIds.contains(id))
                .forEach(id -> wrong.add("valid invoice " + id + " after a hostile record was not issued"));
        long issuedHostile = issued.size() - validExternalIds.size();
        sentHostile.forEach((position, record) -> {
            String reason = reasons.get(position);
            if (record.surelyRefused() && (reason == null || reason.isBlank())) {
                wrong.add(position + " " + describe(record) + ": not dead-lettered with a reason");
            }
        });
        long deadLettered = sentHostile.keySet().stream().filter(reasons::containsKey).count();
        assertThat(wrong).as("seed " + SEED).isEmpty();
        assertThat(deadLettered + issuedHostile).as("each hostile record issued or dead-lettered, seed " + SEED)
                .isEqualTo(sentHostile.size());
        assertThat(storedInvoices()).as("invoices stored are the invoices published").isEqualTo(issued.size());
    }

    /** Explicit cases first, then invoices with one field broken, drawn from the seed. */
    private List<Hostile> hostileRecords() {
        List<Hostile> records = new ArrayList<>();
        String valid = validInvoice();
        templateExternalId = read(valid).path("externalId").asText();
        templateNumber = read(valid).path("invoiceNumber").asText();
        for (String malformed : HostileJson.MALFORMED) {
            records.add(new Hostile(customer, malformed.getBytes(StandardCharsets.UTF_8), INVOICE, true));
        }
        records.add(new Hostile(customer, null, INVOICE, true));
        records.add(new Hostile(customer, new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, 0}, INVOICE, true));
        records.add(new Hostile(customer, "<invoice/>".getBytes(StandardCharsets.UTF_8), INVOICE, true));
        records.add(new Hostile(customer, fresh(valid).getBytes(StandardCharsets.UTF_8), null, true));
        records.add(new Hostile(customer, fresh(valid).getBytes(StandardCharsets.UTF_8), "relance.erp.invoice.v2", true));
        records.add(new Hostile(customer, fresh(valid).getBytes(StandardCharsets.UTF_8), "", true));
        records.add(new Hostile(customer, fresh(valid).getBytes(StandardCharsets.UTF_8), CUSTOMER, true));
        records.add(new Hostile("someone-else", fresh(valid).getBytes(StandardCharsets.UTF_8), INVOICE, true));
        // No key: the invoice names its customer, so it is issued (on whichever partition the producer chose).
        records.add(new Hostile(null, fresh(valid).getBytes(StandardCharsets.UTF_8), INVOICE, false));
        records.add(new Hostile(customer, "{\"customerId\":\"%s\"}".formatted(customer).getBytes(StandardCharsets.UTF_8),
                CUSTOMER, true));
        String huge = fresh(valid).replace("\"amount\"", "\"padding\":\"" + "x".repeat(900_000) + "\",\"amount\"");
        records.add(new Hostile(customer, huge.getBytes(StandardCharsets.UTF_8), INVOICE, false));
        String hugeNumber = fresh(valid).replace("\"invoiceNumber\":\"", "\"invoiceNumber\":\"" + "9".repeat(500_000));
        records.add(new Hostile(customer, hugeNumber.getBytes(StandardCharsets.UTF_8), INVOICE, true));
        List<String> broken = new ArrayList<>(HostileJson.oneFieldBroken(valid));
        Collections.shuffle(broken, new Random(SEED));
        broken.subList(0, 60).forEach(body -> records.add(
                new Hostile(customer, fresh(body).getBytes(StandardCharsets.UTF_8), INVOICE, false)));
        HostileJson.randomlyBroken(valid, SEED, 20)
                .forEach(body -> records.add(
                new Hostile(customer, fresh(body).getBytes(StandardCharsets.UTF_8), INVOICE, false)));
        return records;
    }

    /**
     * The body with a new externalId and number where it still has the template's, so that no two records are the same
     * invoice; replaced as text, since reading and writing the JSON again would change the hostile values.
     */
    private String fresh(String body) {
        return body.replace(templateExternalId, UUID.randomUUID().toString())
                .replace(templateNumber, "FZ-" + UUID.randomUUID());
    }

    private static RecordMetadata send(KafkaProducer<String, byte[]> producer, Hostile record) {
        ProducerRecord<String, byte[]> kafka = new ProducerRecord<>(Topics.ERP_INVOICES, record.key(), record.value());
        if (record.ceType() != null) {
            kafka.headers().add(CloudEventHeaders.TYPE, record.ceType().getBytes(StandardCharsets.UTF_8));
        }
        try {
            return producer.send(kafka).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send " + describe(record), e);
        }
    }

    private boolean issuedAll(List<ConsumerRecord<String, String>> issued, Set<String> externalIds) {
        return externalIds(issued).containsAll(externalIds);
    }

    private static Set<String> externalIds(List<ConsumerRecord<String, String>> issued) {
        Set<String> ids = new HashSet<>();
        issued.forEach(record -> ids.add(read(record.value()).path("externalId").asText()));
        return ids;
    }

    /** Reasons of this test's dead letters from erp-invoices, by source partition and offset ("0@42"). */
    private Map<String, String> deadLetterReasons(TopicProbe probe) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (String key : List.of(customer, "someone-else")) {
            for (ConsumerRecord<String, String> dead : probe.readAll(Topics.INVOICE_SERVICE_DEAD_LETTERS, key,
                    Duration.ofSeconds(2))) {
                if (Topics.ERP_INVOICES.equals(TopicProbe.header(dead, CloudEventHeaders.DEAD_LETTER_TOPIC))) {
                    reasons.put(TopicProbe.header(dead, CloudEventHeaders.DEAD_LETTER_PARTITION) + "@"
                                    + TopicProbe.header(dead, CloudEventHeaders.DEAD_LETTER_OFFSET),
                            TopicProbe.header(dead, CloudEventHeaders.DEAD_LETTER_REASON));
                }
            }
        }
        return reasons;
    }

    private int storedInvoices() {
        return given().get("/invoices?limit=500&customerId=" + customer).then().statusCode(200)
                .extract().jsonPath().getList("items").size();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Hostile record) {
        String value = record.value() == null ? "null" : new String(record.value(), StandardCharsets.UTF_8);
        return "key " + record.key() + ", ce_type " + record.ceType() + ", "
                + (value.length() <= 120 ? value : value.substring(0, 120) + "…(" + value.length() + " chars)");
    }
}
