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
import org.apache.kafka.common.GroupState;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults injected into a steady replay of the public ledger, on the real broker, database and packaged services:
 * kill -9 of each service then its restart, a Kafka broker restart, PostgreSQL stopped for 20 s, and two instances of
 * every service side by side with one of each killed (the replay goes on against the survivors). Each fault strikes
 * while the platform is busy with a day's facts or reminders (the replay feeds nothing new until it is over); each
 * scenario owns a stretch of days, checked afterwards against {@link LedgerOracle}: every invoice, payment,
 * reminder and e-mail of the stretch has exactly one effect at invoice-service, dunning-service, kpi-service and the
 * SMTP server. It prints the table scenario / events / lost / duplicated / recovery time and writes it to
 * {@code target/fault-report.md}.
 *
 * <p>{@code -Drelance.faults=all} (the {@code faults} profile) runs every scenario; by default only the quickest
 * (kill -9 of notification-service), which is part of {@code ./mvnw verify}; a comma-separated list of short names
 * (notification, dunning, invoice, payment, kpi, kafka, postgres, side-by-side) runs the warm-up and those alone.
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
    /** How often, during a fault, each survivor is asked for real data (its readiness is asked every READY_POLL). */
    private static final int SERVE_EVERY_POLLS = 5;

    private static Platform platform;
    private static PlatformClient client;
    private static LedgerOracle oracle;
    private static Replay.Outcome outcome;
    private static LocalDate firstDay;
    private static LocalDate lastDay;
    private static final List<Scenario> scenarios = new ArrayList<>();
    private static final Map<LocalDate, Integer> mailsBy = new HashMap<>();
    private static final List<String> table = new ArrayList<>();

    /** How one fault is injected, whose readiness must go DOWN while it lasts, and who must keep serving. */
    private interface Injection {
        void inject();

        /** Label to base URL of each instance that must answer not ready, taken before the fault. */
        Map<String, String> goesDown();

        /** Whether those instances are started again (else they stay dead and the survivors carry on). */
        default boolean comesBack() {
            return true;
        }

        /** Label to instance of each survivor, which must stay ready and answer reads while the fault lasts. */
        default Map<String, RunningService> survivors() {
            return Map.of();
        }

        /** Waits, once every live instance is ready, until the survivors have taken over what the fault left. */
        default void awaitTakenOver() {
        }
    }

    /** What one survivor answered to the reads sent to it while the fault lasted. */
    private static final class Serving {
        int answered;
        int failed;
        Duration firstFailure;
        Duration lastFailure;
        String failure;
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
        final Map<String, Boolean> stayedUp = new TreeMap<>();
        final Map<String, Serving> served = new TreeMap<>();
        /** A second instance of every service runs from the first day of the stretch. */
        boolean sideBySide;
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
        outcome = new Replay(platform, ledger).run(progress -> {
            mailsBy.put(progress.day(), platform.mail().received().size());
            addInstancesBefore(progress.day().plusDays(1));
        }, FaultSuiteIT::maybeInject, lastDay);
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
            if (scenario.injection.comesBack()) {
                assertThat(scenario.cameBackUp).as(scenario.name + ": came back UP").doesNotContainValue(false).isNotEmpty();
            }
        }
    }

    @Test
    void theSurvivorsOfTheKilledInstancesStayedReadyAndKeptServing() {
        for (Scenario scenario : scenarios.stream().filter(s -> s.sideBySide).toList()) {
            assertThat(scenario.stayedUp).as(scenario.name + ": survivors stayed UP").doesNotContainValue(false)
                    .hasSize(ServiceSpec.ALL.size());
            scenario.served.forEach((survivor, serving) -> {
                assertThat(serving.answered).as(scenario.name + ": reads answered by " + survivor).isPositive();
                assertThat(serving.failed).as(scenario.name + ": reads " + survivor + " failed, from "
                        + seconds(serving.firstFailure) + " to " + seconds(serving.lastFailure) + " after the kill: "
                        + serving.failure).isZero();
            });
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

    /** The scenarios {@code relance.faults} names: quick, all, or a comma-separated list of their short names. */
    private static Set<String> chosen(String property) {
        List<String> all = List.of("notification", "dunning", "invoice", "payment", "kpi", "kafka", "postgres", "side-by-side");
        Set<String> chosen = new HashSet<>();
        for (String name : property.split(",")) {
            switch (name.trim()) {
                case "quick" -> chosen.add("notification");
                case "all" -> chosen.addAll(all);
                default -> {
                    if (!all.contains(name.trim())) {
                        throw new IllegalArgumentException("relance.faults: unknown scenario '" + name.trim()
                                + "'; give quick, all, or some of " + all);
                    }
                    chosen.add(name.trim());
                }
            }
        }
        return chosen;
    }

    /** The scenarios, each given its stretch of days after the warm-up; the fault day is the busiest of its first days. */
    private static void plan(LocalDate ledgerStart) {
        Set<String> which = chosen(System.getProperty("relance.faults", "quick"));
        scenarios.add(new Scenario("none (steady replay)", null, null));
        for (String service : new String[] {"notification-service", "dunning-service", "invoice-service", "payment-service", "kpi-service"}) {
            if (which.contains(service.substring(0, service.indexOf('-')))) {
                Replay.Moment moment = service.equals("notification-service") || service.equals("dunning-service")
                        ? Replay.Moment.REMINDERS_DUE : Replay.Moment.FACTS_IN;
                scenarios.add(new Scenario("kill -9 " + service, moment, kill(service)));
            }
        }
        if (which.contains("kafka")) {
            scenarios.add(new Scenario("restart the Kafka broker", Replay.Moment.FACTS_IN, kafkaRestart()));
        }
        if (which.contains("postgres")) {
            scenarios.add(new Scenario("stop PostgreSQL for 20 s", Replay.Moment.FACTS_IN, postgresDown()));
        }
        if (which.contains("side-by-side")) {
            Scenario sideBySide = new Scenario("two instances of each service, kill -9 one of each",
                    Replay.Moment.FACTS_IN, killOneOfEach());
            sideBySide.sideBySide = true;
            scenarios.add(sideBySide);
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
        Map<String, String> affected = scenario.injection.goesDown();
        affected.keySet().forEach(label -> down.put(label, false));
        Map<String, RunningService> survivors = scenario.injection.survivors();
        Map<String, Boolean> up = new ConcurrentHashMap<>();
        survivors.keySet().forEach(label -> {
            up.put(label, true);
            scenario.served.put(label, new Serving());
        });
        long injected = System.nanoTime();
        AtomicBoolean over = new AtomicBoolean();
        // One watcher per instance, as a probe per pod: a probe that hangs for its whole timeout on one service must
        // not delay the look at the others past a short outage (a graceful broker restart lasts about 6 s)
        List<Thread> watchers = new ArrayList<>();
        affected.forEach((label, url) -> watchers.add(watch(label, over, poll -> {
            if (!RunningService.isReady(url)) {
                down.put(label, true);
            }
        })));
        survivors.forEach((label, survivor) -> watchers.add(watch(label, over, poll -> {
            if (!RunningService.isReady(survivor.url())) {
                up.put(label, false);
            }
            if (poll % SERVE_EVERY_POLLS == 0) {
                read(survivor, scenario.served.get(label), injected);
            }
        })));
        scenario.injection.inject();
        awaitAllReady();
        scenario.injection.awaitTakenOver();
        try (Absorption absorption = new Absorption(platform)) {
            absorption.await(businessTime, RECOVERY_TIMEOUT);
        }
        awaitNoLag();
        scenario.recovery = Duration.ofNanos(System.nanoTime() - injected);
        over.set(true);
        for (Thread watcher : watchers) {
            try {
                watcher.join(RECOVERY_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        scenario.wentDown.putAll(down);
        scenario.stayedUp.putAll(up);
        if (scenario.injection.comesBack()) {
            affected.forEach((label, url) -> scenario.cameBackUp.put(label, RunningService.isReady(url)));
        }
        System.out.printf("[faults] %s: recovered in %d s, DOWN %s, UP %s, survivors UP throughout %s%n", scenario.name,
                scenario.recovery.toSeconds(), scenario.wentDown, scenario.cameBackUp, scenario.stayedUp);
    }

    /** What one watcher does at each poll, given its number (the last look, once the fault is over, counts as poll 0). */
    private interface Look {
        void at(long poll);
    }

    /**
     * Starts a thread that looks at one instance every {@link #READY_POLL} while the fault lasts, and once more after
     * it is over, so that even a quick recovery is looked at after the fault.
     */
    private static Thread watch(String label, AtomicBoolean over, Look look) {
        Thread watcher = new Thread(() -> {
            for (long poll = 0; ; poll++) {
                boolean last = over.get();
                look.at(last ? 0 : poll);
                if (last) {
                    return;
                }
                try {
                    Thread.sleep(READY_POLL.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "readiness-watcher-" + label);
        watcher.start();
        return watcher;
    }

    /** One read of real data from a survivor, as a user or another system would send while the fault lasts. */
    private static void read(RunningService survivor, Serving serving, long injected) {
        String path = switch (survivor.spec().name()) {
            case "invoice-service" -> "/invoices?limit=1";
            case "payment-service" -> "/payments/unmatched?limit=1";
            case "dunning-service" -> "/policies";
            case "notification-service" -> "/deliveries?customerId=" + Observed.encode(oracle.rows().get(0).customer());
            case "kpi-service" -> "/kpis?window=30&currency=EUR";
            default -> throw new IllegalArgumentException(survivor.name());
        };
        try {
            client.get(survivor, path);
            serving.answered++;
        } catch (RuntimeException e) {
            Duration at = Duration.ofNanos(System.nanoTime() - injected);
            serving.failed++;
            serving.firstFailure = serving.firstFailure == null ? at : serving.firstFailure;
            serving.lastFailure = at;
            serving.failure = e.getMessage();
        }
    }

    /**
     * Before the first day of a side-by-side stretch, a second instance of every service starts (on a port of its
     * own, same database and consumer groups; kpi-service with its own instance id and state directory).
     */
    private static void addInstancesBefore(LocalDate day) {
        if (scenarios.stream().noneMatch(s -> s.sideBySide && s.from.equals(day))) {
            return;
        }
        System.out.println("[faults] starting a second instance of every service before " + day);
        ServiceSpec.ALL.parallelStream().forEach(spec -> platform.addInstance(spec.name(), FreePorts.find()));
    }

    private static Injection kill(String service) {
        return new Injection() {
            @Override
            public void inject() {
                RunningService instance = platform.instance(service);
                platform.kill(instance);
                awaitNotReady(instance);
                platform.relaunch(service);
            }

            @Override
            public Map<String, String> goesDown() {
                return Map.of(service, url(service));
            }
        };
    }

    /** With two instances of every service: kills the first instance of each, one after the other; none comes back. */
    private static Injection killOneOfEach() {
        return new Injection() {
            private final Map<String, RunningService> killed = new TreeMap<>();
            private final Map<String, RunningService> survivors = new TreeMap<>();
            private Map<String, Integer> membersBefore = Map.of();

            @Override
            public void inject() {
                killed.values().forEach(instance -> platform.kill(instance));
                killed.values().forEach(FaultSuiteIT::awaitNotReady);
            }

            @Override
            public Map<String, String> goesDown() {
                for (ServiceSpec spec : ServiceSpec.ALL) {
                    List<RunningService> instances = platform.instances(spec.name());
                    if (instances.size() < 2) {
                        throw new IllegalStateException("side by side: " + spec.name() + " runs " + instances.size() + " instance(s)");
                    }
                    killed.put(instances.get(0).name(), instances.get(0));
                    survivors.put(instances.get(1).name(), instances.get(1));
                }
                awaitUntil(() -> !membersPerGroup().containsValue(-1), "every consumer group to be stable before the kill");
                membersBefore = membersPerGroup();
                Map<String, String> urls = new TreeMap<>();
                killed.forEach((name, instance) -> urls.put(name, instance.url()));
                return urls;
            }

            /**
             * Until every consumer group has dropped the killed instances' members (their sessions expired) and given
             * their partitions to the survivors: each instance has the same consumers, so half the members remain.
             */
            @Override
            public void awaitTakenOver() {
                membersBefore.forEach((group, members) -> {
                    if (members % 2 != 0) {
                        throw new IllegalStateException("consumer group " + group + " had " + members
                                + " members with two instances of every service");
                    }
                });
                awaitUntil(() -> membersPerGroup().entrySet().stream().allMatch(group ->
                                group.getValue() == membersBefore.getOrDefault(group.getKey(), 0) / 2),
                        "every consumer group to drop the killed instances' members " + membersBefore);
            }

            @Override
            public boolean comesBack() {
                return false;
            }

            @Override
            public Map<String, RunningService> survivors() {
                return survivors;
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
            public Map<String, String> goesDown() {
                Map<String, String> urls = new TreeMap<>();
                ServiceSpec.ALL.forEach(spec -> urls.put(spec.name(), url(spec.name())));
                return urls;
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
            public Map<String, String> goesDown() {
                Map<String, String> urls = new TreeMap<>();
                ServiceSpec.ALL.stream().filter(spec -> spec.database().isPresent())
                        .forEach(spec -> urls.put(spec.name(), url(spec.name())));
                return urls;
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
            String readiness = s.injection == null ? "-" : readiness(s);
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

    /** Who went DOWN and came back UP; for a side-by-side fault, the killed DOWN and how the survivors held. */
    private static String readiness(Scenario s) {
        List<String> parts = new ArrayList<>();
        s.wentDown.forEach((label, down) -> parts.add(label + " " + (down ? "DOWN" : "never DOWN")
                + (!s.injection.comesBack() ? "" : "/" + (Boolean.TRUE.equals(s.cameBackUp.get(label)) ? "UP" : "not UP"))));
        s.stayedUp.forEach((label, up) -> {
            Serving serving = s.served.get(label);
            parts.add(label + (up ? " UP throughout" : " went DOWN") + ", answered " + serving.answered + " of "
                    + (serving.answered + serving.failed) + " reads"
                    + (serving.failed == 0 ? "" : " (failing " + seconds(serving.firstFailure) + " to "
                    + seconds(serving.lastFailure) + " after the kill)"));
        });
        return String.join(", ", parts);
    }

    private static String seconds(Duration duration) {
        return duration == null ? "-" : duration.toSeconds() + " s";
    }

    private static JsonNode kpis(LocalDate asOf, int window) {
        JsonNode figures = client.get("kpi-service", "/kpis?asOf=" + asOf + "&window=" + window + "&currency=EUR").path("figures");
        return figures.isEmpty() ? PlatformClient.JSON.createObjectNode() : figures.get(0);
    }

    private static LocalDate dayOf(String reminderKey) {
        return LocalDate.parse(reminderKey.substring(reminderKey.lastIndexOf('|') + 1));
    }

    private static String url(String service) {
        return platform.instance(service).url();
    }

    private static void awaitNotReady(RunningService instance) {
        awaitUntil(() -> !RunningService.isReady(instance.url()), instance.name() + " to answer not ready after kill -9");
    }

    private static void awaitAllReady() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            for (RunningService instance : platform.instances(spec.name())) {
                awaitUntil(() -> RunningService.isReady(instance.url()), instance.name() + " to be ready again");
            }
        }
    }

    private static void awaitNoLag() {
        awaitUntil(() -> lagPerGroup().values().stream().allMatch(behind -> behind == 0), "every consumer group to catch up");
    }

    /** Members of each consumer group that is stable (none when it is empty); a group still rebalancing counts -1. */
    private static Map<String, Integer> membersPerGroup() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()))) {
            List<String> groups = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(ConsumerGroupListing::groupId).toList();
            Map<String, Integer> members = new TreeMap<>();
            admin.describeConsumerGroups(groups).all().get(30, TimeUnit.SECONDS).forEach((group, description) ->
                    members.put(group, description.groupState() == GroupState.STABLE ? description.members().size()
                            : description.groupState() == GroupState.EMPTY ? 0 : -1));
            return members;
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe the consumer groups: " + e.getMessage(), e);
        }
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
