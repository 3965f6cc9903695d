package io.relance.platform.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.customer.Language;
import io.relance.contracts.customer.PostalAddress;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.erp.ErpCustomer;
import io.relance.contracts.erp.ErpInvoice;
import io.relance.contracts.erp.ErpMessageType;
import io.relance.platform.ClockPublisher;
import io.relance.platform.Platform;
import io.relance.platform.RunningService;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Feeds a ledger into a platform started in replay mode, one business day at a time, the way real systems would:
 * invoices on the ERP ingress topic on their issue date (each carrying its customer's profile), disputes through
 * invoice-service's API, payments through payment-service's API on their settlement date. Each day:
 * <ol>
 *   <li>the clock moves to 07:00 in Paris: the day's facts come in (invoices; then disputes opened or rejected and
 *       payments, once the invoices are known), and the platform absorbs them;</li>
 *   <li>the clock moves to 09:00: dunning-service sends the day's reminders, notification-service delivers them,
 *       and the platform absorbs that too before the next day.</li>
 * </ol>
 * A step due on the day a payment arrives is therefore not sent: the payment is in before 09:00.
 */
public final class Replay {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Paris");
    public static final LocalTime FACTS_ARRIVE = LocalTime.of(7, 0);
    public static final LocalTime REMINDERS_GO_OUT = LocalTime.of(9, 0);
    public static final String SOURCE_SYSTEM = "ledger-replay";
    private static final Duration DAY_TIMEOUT = Duration.ofSeconds(120);

    /** Where the replay is, after each day. */
    public record Progress(LocalDate day, long dayNumber, long days, int invoices, int disputes, int payments,
                           long reminders, Duration elapsed) {
    }

    /** A moment of a replayed day at which the platform is busy with what it was just given. */
    public enum Moment {
        /** The day's invoices, disputes and payments are in; the platform has not absorbed them yet. */
        FACTS_IN,
        /** The clock has moved to the day's sending time; the sweep and the deliveries have not finished yet. */
        REMINDERS_DUE
    }

    /** Called at each moment of each day, on the replay's thread: the replay goes on once it returns. */
    @FunctionalInterface
    public interface Listener {
        void at(LocalDate day, Moment moment, Instant businessTime);
    }

    /** What the replay did. */
    public record Outcome(LocalDate firstDay, LocalDate lastDay, int invoices, int disputes, int payments,
                          List<String> unmatchedPayments, Map<String, Long> deliveriesSent, long emails,
                          Map<String, Long> deadLetters, Duration took) {
    }

    private final Platform platform;
    private final Ledger ledger;
    private final PlatformClient client;
    private final Map<String, String> invoiceIds = new HashMap<>();
    private final Map<String, String> disputeIds = new HashMap<>();

    public Replay(Platform platform, Ledger ledger) {
        if (!platform.replayMode()) {
            throw new IllegalArgumentException("the platform follows the system clock: start it with Platform.startReplay");
        }
        this.platform = platform;
        this.ledger = ledger;
        this.client = new PlatformClient(platform);
    }

    /** The instant the first tick must carry: the replay's first day, before its facts arrive. */
    public static Instant startOf(Ledger ledger) {
        return at(ledger.firstDay(), FACTS_ARRIVE);
    }

    public Outcome run(Consumer<Progress> progress) {
        return run(progress, (day, moment, businessTime) -> { }, ledger.lastDay());
    }

    /**
     * Replays the ledger's days up to {@code until} only (a first part of it: what is dated later never happens, so
     * invoices settled later stay open), telling {@code listener} each moment the platform is busy (a fault
     * injector acts then).
     */
    public Outcome run(Consumer<Progress> progress, Listener listener, LocalDate until) {
        long started = System.nanoTime();
        Map<LocalDate, List<LedgerInvoice>> issued = by(ledger.invoices(), LedgerInvoice::issueDate);
        Map<LocalDate, List<LedgerInvoice>> opened = byOptional(ledger, i -> i.disputeOpenedOn().orElse(null));
        Map<LocalDate, List<LedgerInvoice>> rejected = byOptional(ledger, i -> i.disputeResolvedOn().orElse(null));
        Map<LocalDate, List<LedgerInvoice>> paid = byOptional(ledger, LedgerInvoice::settledOn);
        LocalDate first = ledger.firstDay();
        LocalDate last = until.isBefore(ledger.lastDay()) ? until : ledger.lastDay();
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        int invoices = 0;
        int disputes = 0;
        int payments = 0;
        List<String> unmatched = new ArrayList<>();
        try (ClockPublisher clock = platform.clock();
             Absorption absorption = new Absorption(platform);
             KafkaProducer<String, byte[]> erp = erpProducer()) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                Instant morning = at(day, FACTS_ARRIVE);
                clock.tick(morning);
                // the tick's own sweep (of yesterday: nothing left) is over before the day's facts come in
                awaitSweep(morning);
                awaitClock("invoice-service", morning);
                List<LedgerInvoice> newInvoices = issued.getOrDefault(day, List.of());
                List<LedgerInvoice> toOpen = opened.getOrDefault(day, List.of());
                List<LedgerInvoice> toReject = rejected.getOrDefault(day, List.of());
                List<LedgerInvoice> toPay = paid.getOrDefault(day, List.of());
                if (!newInvoices.isEmpty()) {
                    newInvoices.forEach(invoice -> erp.send(erpRecord(invoice)));
                    erp.flush();
                    invoices += newInvoices.size();
                    LocalDate today = day;
                    // a dispute or payment on an invoice issued today needs invoice- and payment-service to know it
                    if (Stream.of(toOpen, toReject, toPay).flatMap(List::stream)
                            .anyMatch(invoice -> invoice.issueDate().equals(today))) {
                        absorption.await(morning, DAY_TIMEOUT);
                    }
                }
                for (LedgerInvoice invoice : toOpen) {
                    openDispute(invoice);
                }
                for (LedgerInvoice invoice : toReject) {
                    rejectDispute(invoice);
                }
                for (LedgerInvoice invoice : toPay) {
                    if (!recordPayment(invoice)) {
                        unmatched.add(invoice.invoiceNumber());
                    }
                }
                disputes += toOpen.size();
                payments += toPay.size();
                listener.at(day, Moment.FACTS_IN, morning);
                if (!newInvoices.isEmpty() || !toOpen.isEmpty() || !toReject.isEmpty() || !toPay.isEmpty()) {
                    absorption.await(morning, DAY_TIMEOUT);
                }
                Instant sending = at(day, REMINDERS_GO_OUT);
                clock.tick(sending);
                listener.at(day, Moment.REMINDERS_DUE, sending);
                awaitSweep(sending);
                absorption.await(sending, DAY_TIMEOUT);
                long reminders = absorption.sentDeliveries().values().stream().mapToLong(Long::longValue).sum();
                progress.accept(new Progress(day, ChronoUnit.DAYS.between(first, day) + 1, days, invoices, disputes,
                        payments, reminders, Duration.ofNanos(System.nanoTime() - started)));
            }
            return new Outcome(first, last, invoices, disputes, payments, unmatched, absorption.sentDeliveries(),
                    platform.mail().received().size(), absorption.deadLetters(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * Waits until every live instance of {@code service} reads the tick (the day's disputes are dated by
     * invoice-service's clock, whichever instance takes them).
     */
    private void awaitClock(String service, Instant tick) {
        awaitUntil(() -> platform.instances(service).stream().allMatch(instance -> {
            JsonNode health = readJson(client.text(instance, "/q/health/group/business-clock"));
            for (JsonNode check : health.path("checks")) {
                if ("business-clock".equals(check.path("name").asText())) {
                    return !Instant.parse(check.at("/data/now").asText()).isBefore(tick);
                }
            }
            return false;
        }), service + " to read the business clock at " + tick);
    }

    /**
     * Waits until a sweep that started at {@code tick} or later has completed at every live instance of
     * dunning-service (each sweeps when the clock moves; side by side they share the due customers).
     */
    private void awaitSweep(Instant tick) {
        awaitUntil(() -> platform.instances("dunning-service").stream()
                .allMatch(instance -> sweptThrough(instance) >= tick.getEpochSecond()), "dunning-service to sweep at " + tick);
    }

    private long sweptThrough(RunningService instance) {
        for (String line : client.text(instance, "/q/metrics").split("\n")) {
            if (line.startsWith("relance_dunning_swept_through_seconds")) {
                return (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return 0;
    }

    private void openDispute(LedgerInvoice invoice) {
        String invoiceId = invoiceId(invoice);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reason", "OTHER");
        body.put("disputedAmount", invoice.amount());
        body.put("currency", invoice.currency());
        body.put("comment", "disputed in the replayed ledger");
        JsonNode dispute = client.post("invoice-service", "/invoices/" + invoiceId + "/disputes", body, Map.of());
        disputeIds.put(invoice.invoiceNumber(), dispute.path("id").asText());
    }

    private void rejectDispute(LedgerInvoice invoice) {
        String disputeId = disputeIds.get(invoice.invoiceNumber());
        if (disputeId == null) {
            throw new IllegalStateException("no dispute was opened on invoice " + invoice.invoiceNumber());
        }
        client.post("invoice-service", "/disputes/" + disputeId + "/resolution",
                Map.of("outcome", "REJECTED", "comment", "paid in full, as the ledger records"), Map.of());
    }

    /** Records the settlement as a bank transfer quoting the invoice number; true when payment-service matched it. */
    private boolean recordPayment(LedgerInvoice invoice) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", invoice.amount());
        body.put("currency", invoice.currency());
        body.put("valueDate", invoice.settledOn());
        body.put("payerName", invoice.customer().legalName());
        body.put("remittance", "Invoice " + invoice.invoiceNumber());
        body.put("method", "TRANSFER");
        body.put("invoiceReferences", List.of(invoice.invoiceNumber()));
        JsonNode payment = client.post("payment-service", "/payments", body,
                Map.of("Idempotency-Key", SOURCE_SYSTEM + "/" + invoice.invoiceNumber()));
        return "MATCHED".equals(payment.path("status").asText());
    }

    private String invoiceId(LedgerInvoice invoice) {
        String known = invoiceIds.get(invoice.invoiceNumber());
        if (known != null) {
            return known;
        }
        String after = null;
        do {
            JsonNode page = client.get("invoice-service", "/invoices?limit=500&customerId="
                    + URLEncoder.encode(invoice.customer().id(), StandardCharsets.UTF_8)
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8)));
            for (JsonNode item : page.path("items")) {
                invoiceIds.put(item.path("number").asText(), item.path("id").asText());
            }
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null && !invoiceIds.containsKey(invoice.invoiceNumber()));
        String id = invoiceIds.get(invoice.invoiceNumber());
        if (id == null) {
            throw new IllegalStateException("invoice-service does not know invoice " + invoice.invoiceNumber());
        }
        return id;
    }

    private ProducerRecord<String, byte[]> erpRecord(LedgerInvoice invoice) {
        LedgerCustomer customer = invoice.customer();
        ErpCustomer profile = new ErpCustomer(customer.id(), SOURCE_SYSTEM, customer.id(), customer.legalName(), null,
                List.of(customer.email()), customer.phone(),
                new PostalAddress(List.of("Service comptabilité", customer.legalName()), "75002", "Paris", "FR"),
                Language.valueOf(customer.language().toUpperCase(Locale.ROOT)), Segment.REGULAR,
                (int) ChronoUnit.DAYS.between(invoice.issueDate(), invoice.dueDate()), null);
        ErpInvoice erpInvoice = new ErpInvoice(SOURCE_SYSTEM, invoice.invoiceNumber(), invoice.invoiceNumber(),
                customer.id(), invoice.issueDate(), invoice.dueDate(), invoice.amount(), invoice.currency(), profile);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ERP_INVOICES, customer.id(),
                PlatformClient.write(erpInvoice));
        record.headers().add(CloudEventHeaders.TYPE, ErpMessageType.INVOICE_V1.ceType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private KafkaProducer<String, byte[]> erpProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static JsonNode readJson(String text) {
        try {
            return PlatformClient.JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DAY_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + DAY_TIMEOUT.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).atZone(BUSINESS_ZONE).toInstant();
    }

    private static Map<LocalDate, List<LedgerInvoice>> by(List<LedgerInvoice> invoices,
                                                          Function<LedgerInvoice, LocalDate> date) {
        return invoices.stream().collect(Collectors.groupingBy(date, TreeMap::new, Collectors.toList()));
    }

    private static Map<LocalDate, List<LedgerInvoice>> byOptional(Ledger ledger, Function<LedgerInvoice, LocalDate> date) {
        return by(ledger.invoices().stream().filter(i -> date.apply(i) != null).toList(), date);
    }
}
