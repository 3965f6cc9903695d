package io.relance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relance.platform.LedgerOracle.Row;
import io.relance.platform.replay.Absorption;
import io.relance.platform.replay.Ledger;
import io.relance.platform.replay.PlatformClient;
import io.relance.platform.replay.Replay;
import io.relance.servers.FreePorts;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults injected into a steady replay of the public ledger, on the real broker, database and packaged services:
 * kill -9 of each service then its restart, a Kafka broker restart, PostgreSQL stopped for 20 s. Each fault strikes
 * while the platform is busy with a day's facts or reminders (the replay feeds nothing new until it is over); each
 * scenario owns a stretch of days, checked afterwards against {@link LedgerOracle}: every invoice, payment,
 * reminder and e-mail of the stretch has exactly one effect at invoice-service, dunning-service, kpi-service and the
 * SMTP server. It prints the table scenario / events / lost / duplicated / recovery time and writes it to
 * {@code target/fault-report.md}.
 *
 * <p>{@code -Drelance.faults=all} (the {@code faults} profile) runs every scenario; by default only the quickest
 * (kill -9 of notification-service), which is part of {@code ./mvnw verify}.
 */
class FaultSuiteIT {

    private static final Pattern MADE_UP_ADDRESS = Pattern.compile("accounts\\.([^@]+)@ledger\\.example");
    /** Days replayed before the first fault: the first reminders fall due around day 27. */
    private static final int WARM_UP_DAYS = 35;
    /** Days each scenario owns; its fault strikes on the busiest of the first {@link #FAULT_WITHIN} of them. */
    private static final int SCENARIO_DAYS = 12;
    private static final int FAULT_WITHIN = 5;
    private static final Duration POSTGRES_DOWN = Duration.ofSeconds(20);
    private static final Duration RECOVERY_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration READY_POLL = Duration.ofMillis(200);

    private static Platform platform;
    private static PlatformClient client;
    private static LedgerOracle oracle;
    private static Replay.Outcome outcome;
    private static LocalDate firstDay;
    private static LocalDate lastDay;
    private static final List<Scenario> scenarios = new ArrayList<>();
    private static final Map<LocalDate, Integer> mailsBy = new HashMap<>();
    private static final List<String> table = new ArrayList<>();

    /** How one fault is injected and which services' readiness must go DOWN while it lasts. */
    private interface Injection {
        void inject();

        List<String> affected();
    }

    /** One fault, the stretch of days it owns, and what was observed. */
    private static final class Scenario {
        final String name;
        final Replay.Moment moment;
        final Injection injection;
        LocalDate from;
        LocalDate to;
        LocalDate faultDay;
        Duration recovery;
        final Map<String, Boolean> wentDown = new TreeMap<>();
        final Map<String, Boolean> cameBackUp = new TreeMap<>();
        long events;
        long lost;
        long duplicated;
        final List<String> findings = new ArrayList<>();

        Scenario(String name, Replay.Moment moment, Injection injection) {
            this.name = name;
            this.moment = moment;
            this.injection = injection;
        }
    }

    @BeforeAll
    static void replayWithFaults() throws IOException {
        oracle = LedgerOracle.wholeLedger();
        Ledger ledger = Ledger.read(LedgerOracle.CSV);
        Path home = Files.createTempDirectory("relance-faults-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Map<String, Integer> ports = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(spec -> ports.put(spec.name(), FreePorts.find()));
        platform = Platform.startReplay(new PlatformLayout(Path.of(System.getProperty("relance.root")), home),
                new PlatformPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), ports),
                step -> System.out.println("[faults] " + step), Replay.startOf(ledger));
        client = new PlatformClient(platform);
        plan(ledger.firstDay());
        outcome = new Replay(platform, ledger).run(progress -> mailsBy.put(progress.day(), platform.mail().received().size()),
                FaultSuiteIT::maybeInject, lastDay);
        countPerScenario();
        writeReport();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyScenarioLosesNothingAndDuplicatesNothing() {
        for (Scenario scenario : scenarios) {
            assertThat(scenario.events).as(scenario.name + ": events in its days").isPositive();
            assertThat(scenario.lost).as(scenario.name + " lost: " + scenario.findings).isZero();
            assertThat(scenario.duplicated).as(scenario.name + " duplicated: " + scenario.findings).isZero();
        }
        assertThat(outcome.unmatchedPayments()).as("payments payment-service did not match").isEmpty();
    }

    @Test
    void readinessWentDownDuringEachOutageAndBackUpAfter() {
        for (Scenario scenario : scenarios.subList(1, scenarios.size())) {
            assertThat(scenario.wentDown).as(scenario.name + ": went DOWN").doesNotContainValue(false).isNotEmpty();
            assertThat(scenario.cameBackUp).as(scenario.name + ": came back UP").doesNotContainValue(false).isNotEmpty();
        }
    }

    @Test
    void theKpisAtTheEndOfEachScenarioEqualAnIndependentComputationFromTheLedger() {
        for (Scenario scenario : scenarios) {
            for (int window : new int[] {30, 365}) {
                JsonNode figures = kpis(scenario.to, window);
                LedgerOracle.Expected expected = oracle.kpisAt(scenario.to, window);
                String at = scenario.name + ", " + scenario.to + " over " + window + " days";
                assertThat(Observed.decimal(figures, "receivables")).as("receivables " + at).isEqualByComparingTo(expected.receivables());
                assertThat(Observed.decimal(figures, "dsoDays")).as("DSO " + at).isEqualTo(expected.dso());
                assertThat(Observed.decimal(figures, "averagePaymentDays")).as("days to pay " + at).isEqualTo(expected.daysToPay());
                assertThat(Observed.decimal(figures, "averageDaysLate")).as("days late " + at).isEqualTo(expected.daysLate());
                assertThat(Observed.decimal(figures, "disputeRatePercent")).as("dispute rate " + at).isEqualTo(expected.disputeRate());
            }
        }
    }

    @Test
    void noConsumerGroupIsLeftBehindAndNoRecordWentToADeadLetterTopic() {
        assertThat(lagPerGroup()).as("records behind, per consumer group").allSatisfy((group, behind) ->
                assertThat(behind).as(group).isZero());
        assertThat(outcome.deadLetters().values()).allSatisfy(count -> assertThat(count).isZero());
    }

    /** The scenarios, each given its stretch of days after the warm-up; the fault day is the busiest of its first days. */
    private static void plan(LocalDate ledgerStart) {
        scenarios.add(new Scenario("none (steady replay)", null, null));
        scenarios.add(new Scenario("kill -9 notification-service", Replay.Moment.REMINDERS_DUE, kill("notification-service")));
        if ("all".equals(System.getProperty("relance.faults", "quick"))) {
            scenarios.add(new Scenario("kill -9 dunning-service", Replay.Moment.REMINDERS_DUE, kill("dunning-service")));
            scenarios.add(new Scenario("kill -9 invoice-service", Replay.Moment.FACTS_IN, kill("invoice-service")));
            scenarios.add(new Scenario("kill -9 payment-service", Replay.Moment.FACTS_IN, kill("payment-service")));
            scenarios.add(new Scenario("kill -9 kpi-service", Replay.Moment.FACTS_IN, kill("kpi-service")));
            scenarios.add(new Scenario("restart the Kafka broker", Replay.Moment.FACTS_IN, kafkaRestart()));
            scenarios.add(new Scenario("stop PostgreSQL for 20 s", Replay.Moment.FACTS_IN, postgresDown()));
        }
        firstDay = ledgerStart;
        Map<LocalDate, Integer> remindersOn = new HashMap<>();
        oracle.reminders().keySet().forEach(key -> remindersOn.merge(dayOf(key), 1, Integer::sum));
        Map<LocalDate, Integer> factsOn = new HashMap<>();
        for (Row row : oracle.rows()) {
            factsOn.merge(row.issued(), 1, Integer::sum);
            factsOn.merge(row.settled(), 1, Integer::sum);
        }
        LocalDate day = ledgerStart;
        for (Scenario scenario : scenarios) {
            int length = scenario.injection == null ? WARM_UP_DAYS : SCENARIO_DAYS;
            scenario.from = day;
            scenario.to = day.plusDays(length - 1);
            if (scenario.injection != null) {
                Map<LocalDate, Integer> load = scenario.moment == Replay.Moment.REMINDERS_DUE ? remindersOn : factsOn;
                LocalDate busiest = day;
                for (LocalDate d = day; d.isBefore(day.plusDays(FAULT_WITHIN)); d = d.plusDays(1)) {
                    if (load.getOrDefault(d, 0) > load.getOrDefault(busiest, 0)) {
                        busiest = d;
                    }
                }
                scenario.faultDay = busiest;
            }
            day = scenario.to.plusDays(1);
        }
        lastDay = day.minusDays(1);
    }

    private static void maybeInject(LocalDate day, Replay.Moment moment, Instant businessTime) {
        for (Scenario scenario : scenarios) {
            if (day.equals(scenario.faultDay) && moment == scenario.moment) {
                inject(scenario, businessTime);
            }
        }
    }

    /** Injects the fault, watches readiness until the platform has absorbed everything again, and times it. */
    private static void inject(Scenario scenario, Instant businessTime) {
        System.out.printf("[faults] %s on %s at %s%n", scenario.name, scenario.faultDay, scenario.moment);
        Map<String, Boolean> down = new ConcurrentHashMap<>();
        List<String> affected = scenario.injection.affected();
        affected.forEach(service -> down.put(service, false));
        Thread watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (String service : affected) {
                    if (!RunningService.isReady(url(service))) {
                        down.put(service, true);
                    }
                }
                try {
                    Thread.sleep(READY_POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "readiness-watcher");
        long injected = System.nanoTime();
        watcher.start();
        scenario.injection.inject();
        awaitAllReady();
        try (Absorption absorption = new Absorption(platform)) {
            absorption.await(businessTime, RECOVERY_TIMEOUT);
        }
        awaitNoLag();
        scenario.recovery = Duration.ofNanos(System.nanoTime() - injected);
        watcher.interrupt();
        try {
            watcher.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scenario.wentDown.putAll(down);
        affected.forEach(service -> scenario.cameBackUp.put(service, RunningService.isReady(url(service))));
        System.out.printf("[faults] %s: recovered in %d s, DOWN %s, UP %s%n", scenario.name,
                scenario.recovery.toSeconds(), scenario.wentDown, scenario.cameBackUp);
    }

    private static Injection kill(String service) {
        return new Injection() {
            @Override
            public void inject() {
                platform.kill(service);
                awaitNotReady(service);
                platform.relaunch(service);
            }

            @Override
            public List<String> affected() {
                return List.of(service);
            }
        };
    }

    private static Injection kafkaRestart() {
        return new Injection() {
            @Override
            public void inject() {
                platform.kafka().restart();
            }

            @Override
            public List<String> affected() {
                return ServiceSpec.ALL.stream().map(ServiceSpec::name).toList();
            }
        };
    }

    private static Injection postgresDown() {
        return new Injection() {
            @Override
            public void inject() {
                platform.postgres().stop();
                sleep(POSTGRES_DOWN);
                platform.postgres().restart();
            }

            @Override
            public List<String> affected() {
                return ServiceSpec.ALL.stream().filter(spec -> spec.database().isPresent()).map(ServiceSpec::name).toList();
            }
        };
    }

    /** Counts, per scenario's days, the events the oracle expects and those missing or seen twice at each consumer. */
    private static void countPerScenario() {
        List<String> listedTwice = new ArrayList<>();
        Map<String, JsonNode> invoices = Observed.invoicesByNumber(client, listedTwice);
        List<Row> rowsSoFar = oracle.rows().stream().filter(row -> !row.issued().isAfter(lastDay)).toList();
        Observed.Reminders reminders = Observed.reminders(client,
                rowsSoFar.stream().map(Row::customer).distinct().toList(), invoices);
        Map<String, Set<String>> expectedReminders = new TreeMap<>();
        oracle.reminders().forEach((key, numbers) -> {
            if (!dayOf(key).isAfter(lastDay)) {
                expectedReminders.put(key, numbers);
            }
        });
        List<MailCatcher.CaughtMail> mails = platform.mail().received();
        int[] kpiBefore = {0, 0};
        for (Scenario scenario : scenarios) {
            Predicate<LocalDate> in = day -> !day.isBefore(scenario.from) && !day.isAfter(scenario.to);
            // invoice-service: each invoice issued in the stretch once; each payment of the stretch applied once
            for (Row row : rowsSoFar) {
                JsonNode invoice = invoices.get(row.number());
                if (in.test(row.issued())) {
                    scenario.events++;
                    if (invoice == null) {
                        lost(scenario, "invoice " + row.number() + " unknown to invoice-service");
                    } else if (listedTwice.contains(row.number())) {
                        duplicated(scenario, "invoice " + row.number() + " listed twice by invoice-service");
                    }
                }
                if (in.test(row.settled()) && invoice != null) {
                    scenario.events++;
                    BigDecimal paid = new BigDecimal(invoice.path("paidAmount").asText());
                    if (paid.compareTo(row.amount()) < 0 || !"PAID".equals(invoice.path("status").asText())) {
                        lost(scenario, "payment of " + row.number() + ": paid " + paid + " of " + row.amount());
                    } else if (paid.compareTo(row.amount()) > 0) {
                        duplicated(scenario, "payment of " + row.number() + ": paid " + paid + " of " + row.amount());
                    }
                }
            }
            // dunning-service: each reminder of the stretch once, with the invoices it covers
            expectedReminders.forEach((key, numbers) -> {
                if (in.test(dayOf(key))) {
                    scenario.events++;
                    Set<String> actual = reminders.byKey().get(key);
                    if (actual == null || !actual.equals(numbers)) {
                        lost(scenario, "reminder " + key + " " + numbers + " requested as " + actual);
                    }
                }
            });
            reminders.byKey().keySet().stream().filter(key -> in.test(dayOf(key)) && !expectedReminders.containsKey(key))
                    .forEach(key -> duplicated(scenario, "reminder " + key + " not expected"));
            reminders.duplicates().stream().filter(key -> in.test(dayOf(key)))
                    .forEach(key -> duplicated(scenario, "reminder " + key + " requested twice"));
            // the SMTP server: one e-mail per customer, e-mail step and day of the stretch; no Message-ID twice
            Map<String, Integer> expectedMails = new TreeMap<>();
            oracle.emailsPerCustomer(scenario.from, scenario.to)
                    .forEach((customer, count) -> expectedMails.put(customer.toUpperCase(Locale.ROOT), count));
            List<MailCatcher.CaughtMail> slice = mails.subList(mailsBy.getOrDefault(scenario.from.minusDays(1), 0),
                    mailsBy.getOrDefault(scenario.to, mails.size()));
            Map<String, Integer> actualMails = new TreeMap<>();
            Set<String> messageIds = new HashSet<>();
            for (MailCatcher.CaughtMail mail : slice) {
                Matcher customer = MADE_UP_ADDRESS.matcher(mail.to().get(0));
                actualMails.merge(customer.matches() ? customer.group(1).toUpperCase(Locale.ROOT) : mail.to().get(0), 1, Integer::sum);
                if (!messageIds.add(mail.messageId())) {
                    duplicated(scenario, "Message-ID " + mail.messageId() + " received twice");
                }
            }
            Set<String> customers = new HashSet<>(expectedMails.keySet());
            customers.addAll(actualMails.keySet());
            for (String customer : customers) {
                int expected = expectedMails.getOrDefault(customer, 0);
                int actual = actualMails.getOrDefault(customer, 0);
                scenario.events += expected;
                if (actual < expected) {
                    lost(scenario, (expected - actual) + " e-mail(s) to customer " + customer);
                } else if (actual > expected) {
                    duplicated(scenario, (actual - expected) + " extra e-mail(s) to customer " + customer);
                }
            }
            // kpi-service: the invoices issued and paid in the stretch, each counted once (the replay is under 365 days)
            JsonNode figures = kpis(scenario.to, 365);
            int[] kpiNow = {(int) figures.path("invoicesIssued").asLong(), (int) figures.path("invoicesPaid").asLong()};
            int issued = (int) rowsSoFar.stream().filter(row -> in.test(row.issued())).count();
            int paid = (int) rowsSoFar.stream().filter(row -> in.test(row.settled())).count();
            compare(scenario, "kpi-service invoices issued", issued, kpiNow[0] - kpiBefore[0]);
            compare(scenario, "kpi-service invoices paid", paid, kpiNow[1] - kpiBefore[1]);
            scenario.events += issued + paid;
            kpiBefore[0] = kpiNow[0];
            kpiBefore[1] = kpiNow[1];
        }
    }

    private static void compare(Scenario scenario, String what, int expected, int actual) {
        if (actual < expected) {
            lost(scenario, what + ": " + actual + " of " + expected);
        } else if (actual > expected) {
            duplicated(scenario, what + ": " + actual + " for " + expected);
        }
    }

    private static void lost(Scenario scenario, String finding) {
        scenario.lost++;
        scenario.findings.add("lost: " + finding);
    }

    private static void duplicated(Scenario scenario, String finding) {
        scenario.duplicated++;
        scenario.findings.add("duplicated: " + finding);
    }

    private static void writeReport() throws IOException {
        table.add("| scenario | days | fault on | events | lost | duplicated | readiness DOWN then UP | recovery time |");
        table.add("|---|---|---|---:|---:|---:|---|---:|");
        for (Scenario s : scenarios) {
            String readiness = s.injection == null ? "-" : s.wentDown.keySet().stream()
                    .map(service -> service + " " + (s.wentDown.get(service) ? "DOWN" : "never DOWN") + "/"
                            + (Boolean.TRUE.equals(s.cameBackUp.get(service)) ? "UP" : "not UP"))
                    .reduce((a, b) -> a + ", " + b).orElse("-");
            table.add(String.format("| %s | %s to %s | %s | %d | %d | %d | %s | %s |", s.name, s.from, s.to,
                    s.faultDay == null ? "-" : s.faultDay + " " + s.moment, s.events, s.lost, s.duplicated, readiness,
                    s.recovery == null ? "-" : s.recovery.toSeconds() + " s"));
        }
        List<String> report = new ArrayList<>(List.of("# Fault suite", "",
                "Replayed " + firstDay + " to " + lastDay + " (" + outcome.invoices() + " invoices, " + outcome.payments()
                        + " payments, " + outcome.emails() + " e-mails) in " + outcome.took().toSeconds() + " s.", ""));
        report.addAll(table);
        scenarios.stream().filter(s -> !s.findings.isEmpty()).forEach(s -> {
            report.add("");
            report.add(s.name + ":");
            s.findings.stream().limit(50).forEach(finding -> report.add("- " + finding));
        });
        Path file = Path.of(System.getProperty("relance.root"), "deploy/platform/target/fault-report.md");
        Files.createDirectories(file.getParent());
        Files.write(file, report);
        report.forEach(line -> System.out.println("[faults] " + line));
    }

    private static JsonNode kpis(LocalDate asOf, int window) {
        JsonNode figures = client.get("kpi-service", "/kpis?asOf=" + asOf + "&window=" + window + "&currency=EUR").path("figures");
        return figures.isEmpty() ? PlatformClient.JSON.createObjectNode() : figures.get(0);
    }

    private static LocalDate dayOf(String reminderKey) {
        return LocalDate.parse(reminderKey.substring(reminderKey.lastIndexOf('|') + 1));
    }

    private static String url(String service) {
        return platform.services().stream().filter(s -> s.spec().name().equals(service)).findFirst().orElseThrow().url();
    }

    private static void awaitNotReady(String service) {
        awaitUntil(() -> !RunningService.isReady(url(service)), service + " to answer not ready after kill -9");
    }

    private static void awaitAllReady() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            awaitUntil(() -> RunningService.isReady(url(spec.name())), spec.name() + " to be ready again");
        }
    }

    private static void awaitNoLag() {
        awaitUntil(() -> lagPerGroup().values().stream().allMatch(behind -> behind == 0), "every consumer group to catch up");
    }

    /** Records behind the end of each partition, per consumer group, whatever the group's state (an EMPTY one too). */
    private static Map<String, Long> lagPerGroup() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()))) {
            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                long behind = 0;
                for (var end : admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet()) {
                    OffsetAndMetadata at = committed.get(end.getKey());
                    behind += end.getValue().offset() - (at == null ? 0 : at.offset());
                }
                lag.put(group.groupId(), behind);
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the consumer groups' offsets: " + e.getMessage(), e);
        }
    }

    private static void awaitUntil(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + RECOVERY_TIMEOUT.toSeconds() + " s for " + what);
            }
            sleep(READY_POLL);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
