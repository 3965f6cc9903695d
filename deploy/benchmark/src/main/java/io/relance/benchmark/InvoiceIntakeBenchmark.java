package io.relance.benchmark;

import io.relance.platform.Platform;
import io.relance.platform.PlatformLayout;
import io.relance.platform.PlatformPorts;
import io.relance.platform.RunningService;
import io.relance.platform.ServiceSpec;
import io.relance.servers.FreePorts;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * invoice-service's intake benchmark (issue "invoice-service", Performance): 100,000 invoices through the batch REST
 * endpoint and 100,000 through the erp-invoices topic, on the real broker and database with only invoice-service
 * running; prints invoices accepted per second and the time until the last InvoiceIssued is on Kafka.
 */
public final class InvoiceIntakeBenchmark {

    private static final int INVOICES = Integer.getInteger("benchmark.invoices", 100_000);
    private static final int CALLERS = Integer.getInteger("benchmark.callers", 4);
    private static final int CUSTOMERS = 1_000;

    private final Report report = new Report("invoice-service intake benchmark");
    private final HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(CALLERS + 2)).build();

    public static void main(String[] args) {
        try {
            new InvoiceIntakeBenchmark().run();
            System.exit(0);
        } catch (Exception e) {
            // The HTTP client's and the sampler's threads would keep a failed run alive.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path root = Path.of(System.getProperty("relance.root", ".")).toAbsolutePath().normalize();
        Path home = Files.createTempDirectory("relance-intake-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(spec -> ports.put(spec.name(), FreePorts.find()));
        System.out.println("Starting Kafka, PostgreSQL and invoice-service…");
        try (Platform platform = Platform.start(new PlatformLayout(root, home),
                new PlatformPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), ports), step -> System.out.println("  " + step),
                List.of(ServiceSpec.named("invoice-service")))) {
            String erp = "Bearer " + platform.tokens().token("erp", Duration.ofHours(6));
            RunningService invoices = platform.services().get(0);
            BatchIntake intake = new BatchIntake(http, invoices.url(), platform.kafka().bootstrapServers(), erp, CUSTOMERS);
            System.out.println("Creating " + CUSTOMERS + " customers…");
            intake.createCustomers();
            System.out.println("Warming up (10 batches)…");
            intake.rest(BatchIntake.runId("warm"), 10 * BatchIntake.BATCH, CALLERS);

            BatchIntake.Timing rest = intake.rest(BatchIntake.runId("rest"), INVOICES, CALLERS);
            report.add("REST batch", "%,d invoices, batches of %,d, %d callers: answered in".formatted(INVOICES, BatchIntake.BATCH, CALLERS),
                    "%.1f s".formatted(rest.submittedSeconds()), "");
            report.add("REST batch", "invoices accepted per second", "%,.0f inv/s".formatted(rest.acceptedPerSecond()), "≥ 5,000 inv/s");
            report.add("REST batch", "until the last InvoiceIssued is on Kafka", "%.1f s".formatted(rest.untilOnKafkaSeconds()), "");
            report.add("REST batch", "end to end (on Kafka) per second", "%,.0f inv/s".formatted(rest.onKafkaPerSecond()), "");

            BatchIntake.Timing topic = intake.topic(BatchIntake.runId("topic"), INVOICES);
            report.add("erp-invoices", "%,d ERP records produced in".formatted(INVOICES), "%.1f s".formatted(topic.submittedSeconds()), "");
            report.add("erp-invoices", "until the last InvoiceIssued is on Kafka", "%.1f s".formatted(topic.untilOnKafkaSeconds()), "");
            report.add("erp-invoices", "invoices accepted per second", "%,.0f inv/s".formatted(topic.onKafkaPerSecond()), "≥ 5,000 inv/s");
            report.add("footprint", "invoice-service resident memory after the runs",
                    RunningService.residentMegabytes(invoices.pid()).orElse(-1) + " MB", "< 250 MB");
        }
        report.print();
        Path file = Path.of(System.getProperty("benchmark.report", "target/invoice-intake-report.md"));
        report.write(file, "Machine: %d cores, Java %s, %s. Kafka, PostgreSQL, invoice-service and this load generator on the same machine."
                .formatted(Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now()));
        System.out.println("\nReport written to " + file.toAbsolutePath());
    }
}
