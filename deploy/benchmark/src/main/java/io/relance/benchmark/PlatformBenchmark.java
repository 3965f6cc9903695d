package io.relance.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.platform.Platform;
import io.relance.platform.PlatformLayout;
import io.relance.platform.PlatformPorts;
import io.relance.platform.RunningService;
import io.relance.platform.ServiceSpec;
import io.relance.platform.replay.Absorption;
import io.relance.servers.FreePorts;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.KafkaConsumer;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Starts the platform with the project's own harness and measures, in one run on one machine: the raw limits of
 * Kafka and PostgreSQL for the platform's record and row shapes, invoice intake, end-to-end latency at fixed
 * offered rates, and each service's start-up time and resident memory. Prints a table and writes a Markdown report.
 */
public final class PlatformBenchmark {

    private static final int[] OFFERED_RATES = Arrays.stream(System.getProperty("benchmark.rates", "200,500,1000,1500,2000")
            .split(",")).mapToInt(r -> Integer.parseInt(r.trim())).toArray();
    /** Each offered rate posts in a currency of its own, so the count downstream is the run's alone. */
    private static final String[] RUN_CURRENCIES = {"CHF", "GBP", "USD", "SEK", "NOK", "DKK", "PLN", "CZK"};
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("benchmark.run-seconds", 10));
    private static final int INTAKE_INVOICES = Integer.getInteger("benchmark.intake-invoices", 20_000);
    private static final int INTAKE_CALLERS = 4;
    private static final Duration ABSORB_TIMEOUT = Duration.ofMinutes(10);

    private final Report report = new Report();
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    /** The ERP's bearer token: invoice-service takes customers and invoices from the {@code erp} role. */
    private String erp;
    private final Map<String, Long> peakResident = new ConcurrentHashMap<>();
    private double rawKafkaPerSecond;
    private double rawPostgresBatchedPerSecond;
    private Path profiles;

    public static void main(String[] args) {
        try {
            new PlatformBenchmark().run();
            System.exit(0);
        } catch (Exception e) {
            // The HTTP client's and the sampler's threads would keep a failed run alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("relance.root", ".")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("relance-bench-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(spec -> ports.put(spec.name(), FreePorts.find()));
        System.out.println("Starting the platform…");
        try (Platform platform = Platform.start(new PlatformLayout(root, home),
                new PlatformPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), ports), step -> System.out.println("  " + step))) {
            erp = "Bearer " + platform.tokens().token("erp", Duration.ofHours(6));
            profiles = Path.of(System.getProperty("benchmark.profiles", "target/profiles")).toAbsolutePath();
            footprint(platform, "idle");
            rawLimits(platform);
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> platform.services().forEach(s -> RunningService.residentMegabytes(s.pid())
                    .ifPresent(mb -> peakResident.merge(s.spec().name(), mb, Math::max))), 0, 200, TimeUnit.MILLISECONDS);
            batchIntake(platform);
            intake(platform);
            endToEnd(platform);
            sampler.shutdownNow();
            platform.services().forEach(s -> report.add("footprint", s.spec().name() + " resident memory under load (peak)",
                    peakResident.getOrDefault(s.spec().name(), 0L) + " MB", "< 250 MB"));
        }
        report.print();
        Path file = Path.of(System.getProperty("benchmark.report", "target/benchmark-report.md"));
        report.write(file, "Machine: %d cores, %d MiB max heap for the benchmark JVM, Java %s, %s."
                .formatted(Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                        System.getProperty("java.version"), Instant.now()));
        System.out.println("\nReport written to " + file.toAbsolutePath());
    }

    private void footprint(Platform platform, String when) {
        for (RunningService service : platform.services()) {
            report.add("footprint", service.spec().name() + " start-up until ready",
                    "%.1f s".formatted(service.startupTime().toMillis() / 1000.0), "");
            report.add("footprint", service.spec().name() + " resident memory " + when,
                    RunningService.residentMegabytes(service.pid()).orElse(-1) + " MB", "< 250 MB");
        }
    }

    private void rawLimits(Platform platform) throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        byte[] payload = mapper.writeValueAsBytes(new InvoiceIssued(UUID.randomUUID(), Instant.now(), "C-0001234",
                UUID.randomUUID(), "F-2026-000123", LocalDate.of(2026, 3, 2), LocalDate.of(2026, 4, 1),
                new BigDecimal("1200.00"), "EUR", "sap-fr", "INV-000123"));
        platform.kafka().createTopics(List.of("bench-raw"), 3);
        int records = Integer.getInteger("benchmark.kafka-records", 200_000);
        double kafka = RawKafka.producerThroughput(platform.kafka().bootstrapServers(), "bench-raw", payload, records);
        rawKafkaPerSecond = kafka;
        report.add("raw limits", "Kafka producer, %d-byte records, acks=all, idempotent".formatted(payload.length),
                "%,.0f rec/s".formatted(kafka), "");

        platform.postgres().createDatabase("bench_raw");
        String jdbc = platform.postgres().jdbcUrl("bench_raw");
        RawPostgres.createTables(jdbc, platform.postgres().username());
        String json = new String(payload);
        double single = RawPostgres.insertThroughput(jdbc, platform.postgres().username(), json, 20_000, 1, 8);
        report.add("raw limits", "PostgreSQL invoice + outbox row, one commit each, 8 connections",
                "%,.0f inv/s".formatted(single), "");
        double batched = RawPostgres.insertThroughput(jdbc, platform.postgres().username(), json, 100_000, 1000, 2);
        rawPostgresBatchedPerSecond = batched;
        report.add("raw limits", "PostgreSQL invoice + outbox row, 1,000 per commit, 2 connections",
                "%,.0f inv/s".formatted(batched), "");
    }

    private void intake(Platform platform) throws Exception {
        String invoices = service(platform, "invoice-service").url() + "/invoices";
        createCustomers(service(platform, "invoice-service").url());
        warmUp(invoices);
        int users = 64;
        AtomicInteger accepted = new AtomicInteger();
        long end = System.nanoTime() + RUN.toNanos();
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread thread = new Thread(() -> {
                int i = 0;
                while (System.nanoTime() < end) {
                    if (post(invoices, "CL-%s-%d-%d".formatted(run, user, i++), "EUR") == 201) {
                        accepted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double rate = accepted.get() / ((System.nanoTime() - start) / 1e9);
        report.add("intake", "POST /invoices, one invoice per call, %d concurrent callers".formatted(users),
                "%,.0f inv/s".formatted(rate), "≥ 5,000 inv/s (batch)");
    }

    /**
     * Batches through REST and records on erp-invoices with every service running, so the consumers compete for
     * the same cores as they would in production; then how long until every consumer has absorbed them.
     */
    private void batchIntake(Platform platform) throws Exception {
        RunningService invoiceService = service(platform, "invoice-service");
        BatchIntake intake = new BatchIntake(http, invoiceService.url(), platform.kafka().bootstrapServers(), erp, 1_000);
        System.out.println("Batch intake: creating 1,000 customers, warming up…");
        intake.createCustomers();
        intake.rest(BatchIntake.runId("warm"), 10 * BatchIntake.BATCH, INTAKE_CALLERS);
        absorb(platform);

        Profiler profiler = new Profiler("batch intake", watched(platform), profiles);
        profiler.start();
        BatchIntake.Timing rest = intake.rest(BatchIntake.runId("rest"), INTAKE_INVOICES, INTAKE_CALLERS);
        BatchIntake.Timing topic = intake.topic(BatchIntake.runId("topic"), INTAKE_INVOICES);
        long absorbing = System.nanoTime();
        absorb(platform);
        double absorbed = (System.nanoTime() - absorbing) / 1e9;
        profiler.stopInto(report);

        String batches = "%,d invoices, batches of %,d, %d callers".formatted(INTAKE_INVOICES, BatchIntake.BATCH, INTAKE_CALLERS);
        report.add("intake", "POST /erp/invoices/batch, " + batches + ": accepted", rate(rest.acceptedPerSecond())
                + ratio(rest.acceptedPerSecond(), rawPostgresBatchedPerSecond), "≥ 5,000 inv/s");
        report.add("intake", "POST /erp/invoices/batch: until the last InvoiceIssued is on Kafka",
                "%.1f s, %s".formatted(rest.untilOnKafkaSeconds(), rate(rest.onKafkaPerSecond())), "");
        report.add("intake", "erp-invoices, %,d records: until the last InvoiceIssued is on Kafka".formatted(INTAKE_INVOICES),
                "%.1f s, %s".formatted(topic.untilOnKafkaSeconds(), rate(topic.onKafkaPerSecond()))
                        + ratio(topic.onKafkaPerSecond(), rawPostgresBatchedPerSecond), "≥ 5,000 inv/s");
        report.add("intake", "both runs: then until every consumer has absorbed them", "%.1f s more".formatted(absorbed), "");
        report.note("Intake ratios (\"of raw\") compare with the raw PostgreSQL figure for 1,000 invoice + outbox rows per "
                + "commit, the bound of a batch intake that stores before it answers; the raw Kafka producer (%s) is not the bound."
                .formatted(rate(rawKafkaPerSecond).replace("inv/s", "rec/s")));
    }

    private void endToEnd(Platform platform) throws Exception {
        String invoices = service(platform, "invoice-service").url() + "/invoices";
        String kpis = service(platform, "kpi-service").url();
        String dunningDatabase = ServiceSpec.named("dunning-service").database().orElseThrow();
        Integer sustained = null;
        try (Connection dunning = DriverManager.getConnection(platform.postgres().jdbcUrl(dunningDatabase),
                platform.postgres().username(), "")) {
            for (int r = 0; r < OFFERED_RATES.length; r++) {
                int rate = OFFERED_RATES[r];
                String currency = RUN_CURRENCIES[r % RUN_CURRENCIES.length];
                String run = UUID.randomUUID().toString().substring(0, 8);
                String reader = platform.tokens().bearer("manager");
                absorb(platform);
                long kpiBaseline = Downstream.total(http, kpis, reader, currency);
                long dunningBaseline = Downstream.cases(dunning, currency);
                Profiler profiler = rate == 1000 ? new Profiler("end to end at 1,000 per second", watched(platform), profiles) : null;
                if (profiler != null) {
                    profiler.start();
                }
                try (KafkaConsumer<String, String> consumer = Downstream.subscribe(platform.kafka().bootstrapServers())) {
                    long wallStart = System.currentTimeMillis();
                    long nanoStart = System.nanoTime();
                    // counted downstream while the invoices are sent, not once they all are
                    Downstream.Sampler kpiSampler = new Downstream.Sampler(() -> Downstream.total(http, kpis, reader, currency) - kpiBaseline);
                    Downstream.Sampler dunningSampler = new Downstream.Sampler(() -> Downstream.cases(dunning, currency) - dunningBaseline);
                    OfferedLoad.Result result = OfferedLoad.run(http, invoices, erp, run, currency, rate, RUN);
                    if (rate == 1000) {
                        // read as the load ends, while the consumers still work through it
                        platform.services().forEach(service -> report.add("footprint", service.spec().name()
                                + " memory as 1,000/s offered ends", MemoryBreakdown.of(service.pid()), ""));
                    }
                    Downstream.Published published = Downstream.published(consumer, run, result.intendedNanos(),
                            result.accepted(), wallStart, nanoStart, Duration.ofMinutes(3));
                    Downstream.Counted counted = kpiSampler.finish(result.acceptedIntendedNanos(), result.accepted(), nanoStart, Duration.ofMinutes(3));
                    Downstream.Counted dunned = dunningSampler.finish(result.acceptedIntendedNanos(), result.accepted(), nanoStart, Duration.ofMinutes(3));
                    if (profiler != null) {
                        profiler.stopInto(report);
                    }
                    String at = "at %,d inv/s offered".formatted(rate);
                    report.add("end to end", at + ": accepted / refused 503 / failed / offered", "%,d / %,d / %,d / %,d".formatted(
                            result.accepted(), result.shed(), result.failed(), result.offered()), "all accepted");
                    report.add("end to end", at + ": HTTP p50 / p99", percentiles(result.httpLatencyMicros()), "");
                    report.add("end to end", at + ": until InvoiceIssued on Kafka p50/p95/p99", percentiles3(published.latencyMicros()), "");
                    report.add("end to end", at + ": until counted by kpi-service p50/p95/p99 (≈)", percentiles3(counted.approximateLatencyMicros()),
                            rate == 1000 ? "p99 ≤ 1 s" : "");
                    report.add("end to end", at + ": until scheduled by dunning-service p50/p95/p99 (≈)",
                            percentiles3(dunned.approximateLatencyMicros()), rate == 1000 ? "p99 ≤ 1 s" : "");
                    report.add("end to end", at + ": counted by kpi-service / scheduled by dunning-service",
                            "%,d in %.1f s / %,d in %.1f s".formatted(counted.counted(), counted.secondsUntilLast(),
                                    dunned.counted(), dunned.secondsUntilLast()), "");
                    long p99 = Math.max(counted.approximateLatencyMicros().getValueAtPercentile(99),
                            dunned.approximateLatencyMicros().getValueAtPercentile(99));
                    if (result.accepted() == result.offered() && counted.counted() == result.accepted()
                            && dunned.counted() == result.accepted() && p99 <= 1_000_000) {
                        sustained = rate;
                    }
                }
            }
        }
        report.add("end to end", "highest offered rate sustained (all accepted, counted and scheduled, p99 ≤ 1 s)",
                sustained == null ? "none of " + Arrays.toString(OFFERED_RATES) : "%,d inv/s".formatted(sustained), "≥ 2,000 inv/s");
    }

    /** Waits until no outbox row waits, no delivery is due and every consumer group is at the end of its partitions. */
    private static void absorb(Platform platform) {
        try (Absorption absorption = new Absorption(platform)) {
            absorption.await(Instant.now(), ABSORB_TIMEOUT);
        }
    }

    /** The services (profiled with JFR), Kafka, PostgreSQL with its backends, and this load generator. */
    private static List<Profiler.Watched> watched(Platform platform) throws IOException {
        List<Profiler.Watched> watched = new ArrayList<>();
        platform.services().forEach(s -> watched.add(new Profiler.Watched(s.spec().name(), s.pid(), true, false)));
        watched.add(new Profiler.Watched("Kafka broker", platform.kafka().pid(), false, false));
        Path pidFile;
        try (Stream<Path> files = Files.walk(platform.postgres().dataDir(), 2)) {
            pidFile = files.filter(f -> f.getFileName().toString().equals("postmaster.pid")).findFirst()
                    .orElseThrow(() -> new IOException("no postmaster.pid under " + platform.postgres().dataDir()));
        }
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        watched.add(new Profiler.Watched("PostgreSQL", postmaster, false, true));
        watched.add(new Profiler.Watched("load generator (this JVM)", ProcessHandle.current().pid(), false, false));
        return watched;
    }

    /** The dunning sweep's figures at 1,000,000 invoices, from its own benchmark when it ran before this one. */
    private void perServiceBenchmarks(Path root) throws IOException {
        Path sweep = root.resolve("dunning-service/target/benchmark/sweep-benchmark.txt");
        if (Files.isRegularFile(sweep)) {
            report.appendix("Dunning sweep (dunning-service's SweepBenchmark, " + Files.getLastModifiedTime(sweep) + ")",
                    Files.readString(sweep));
        } else {
            report.note("No dunning sweep figures: run dunning-service's SweepBenchmark first (deploy/benchmark/run does).");
        }
        Path kpi = root.resolve("kpi-service/target/benchmark/kpi-benchmark.txt");
        if (Files.isRegularFile(kpi)) {
            report.appendix("KPI queries (kpi-service's KpiBenchmark, " + Files.getLastModifiedTime(kpi) + ")", Files.readString(kpi));
        } else {
            report.note("No KPI query figures: run kpi-service's benchmark first (deploy/benchmark/run does).");
        }
    }

    private static String rate(double perSecond) {
        return "%,.0f inv/s".formatted(perSecond);
    }

    private static String ratio(double measured, double raw) {
        return " (%.0f%% of raw)".formatted(100 * measured / raw);
    }

    /** invoice-service takes invoices only for customers it knows: BENCH-0 … BENCH-4999. */
    private void createCustomers(String invoiceService) throws Exception {
        for (int i = 0; i < OfferedLoad.CUSTOMERS; i++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(invoiceService + "/customers/BENCH-" + i))
                    .header("Content-Type", "application/json").header("Authorization", erp).PUT(HttpRequest.BodyPublishers.ofString("""
                            {"sourceSystem":"benchmark","externalId":"BENCH-%d","legalName":"Client %d SAS","language":"fr","segment":"REGULAR"}"""
                            .formatted(i, i))).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("cannot create customer BENCH-" + i + ": " + response.body());
            }
        }
    }

    private void warmUp(String invoices) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 500; i++) {
            post(invoices, "WU-%s-%d".formatted(run, i), "EUR");
        }
    }

    private int post(String url, String number, String currency) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json").header("Authorization", erp)
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"customerId":"BENCH-%d","number":"%s","amount":"1","currency":"%s","issueDate":"%s","dueDate":"%s"}"""
                            .formatted(Math.floorMod(number.hashCode(), OfferedLoad.CUSTOMERS), number, currency,
                                    Terms.ISSUED, Terms.DUE)))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        } 
    }

    private static RunningService service(Platform platform, String name) {
        return platform.services().stream().filter(s -> s.spec().name().equals(name)).findFirst().orElseThrow();
    }

    private static String percentiles(Histogram micros) {
        return String.format(Locale.ROOT, "%s / %s", ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(99)));
    }

    private static String percentiles3(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return "none seen";
        }
        return String.format(Locale.ROOT, "%s / %s / %s", ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)));
    }

    private static String ms(long micros) {
        return micros >= 10_000 ? "%d ms".formatted(micros / 1000) : "%.1f ms".formatted(micros / 1000.0);
    }
}
