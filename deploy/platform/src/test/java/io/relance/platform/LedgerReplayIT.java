package io.relance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.relance.platform.LedgerOracle.Row;
import io.relance.platform.replay.Ledger;
import io.relance.platform.replay.PlatformClient;
import io.relance.platform.replay.Replay;
import io.relance.servers.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole public ledger replayed through the five services on the real broker and database, then checked against
 * figures this test computes on its own from the CSV: every invoice paid, the reminders of the default policy and no
 * others, the KPIs at every month end, no dead letter, no duplicate e-mail. Nothing here calls the platform's KPI
 * or dunning code: {@link LedgerOracle} writes the expectations again, from DESIGN.md and the services' READMEs.
 */
class LedgerReplayIT {

    /** The e-mail the replay gives a customer of the public ledger, which carries none. */
    private static final Pattern MADE_UP_ADDRESS = Pattern.compile("accounts\\.([^@]+)@ledger\\.example");

    private static Platform platform;
    private static PlatformClient client;
    private static Replay.Outcome outcome;
    private static LedgerOracle oracle;
    private static List<Row> rows;
    private static Ledger ledger;
    private static PlatformLayout layout;
    private static Map<String, Integer> servicePorts;

    @BeforeAll
    static void replayTheLedger() throws IOException {
        oracle = LedgerOracle.wholeLedger();
        rows = oracle.rows();
        ledger = Ledger.read(LedgerOracle.CSV);
        Path home = Files.createTempDirectory("relance-replay-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Map<String, Integer> services = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(spec -> services.put(spec.name(), FreePorts.find()));
        layout = new PlatformLayout(Path.of(System.getProperty("relance.root")), home);
        servicePorts = services;
        platform = Platform.startReplay(layout, new PlatformPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), services),
                step -> System.out.println("[replay] " + step), Replay.startOf(ledger));
        client = new PlatformClient(platform);
        outcome = new Replay(platform, ledger).run(p -> {
            if (p.dayNumber() % 100 == 0 || p.dayNumber() == p.days()) {
                System.out.printf("[replay] %s day %d/%d, %d invoices, %d reminders, %d payments, %d s%n", p.day(),
                        p.dayNumber(), p.days(), p.invoices(), p.reminders(), p.payments(), p.elapsed().toSeconds());
            }
        });
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyInvoiceEndsPaidWithNothingLeftOpen() {
        Map<String, JsonNode> invoices = invoicesByNumber();

        assertThat(invoices).hasSize(rows.size());
        assertThat(outcome.unmatchedPayments()).isEmpty();
        for (Row row : rows) {
            JsonNode invoice = invoices.get(row.number());
            assertThat(invoice).as(row.number()).isNotNull();
            assertThat(invoice.path("status").asText()).as(row.number()).isEqualTo("PAID");
            assertThat(new BigDecimal(invoice.path("openAmount").asText())).as(row.number()).isZero();
            assertThat(new BigDecimal(invoice.path("paidAmount").asText())).as(row.number()).isEqualByComparingTo(row.amount());
        }
    }

    @Test
    void theRemindersAreExactlyThePolicyStepsThatFellDueBeforePaymentOncePerCustomerAndDay() {
        Observed.Reminders actual = Observed.reminders(client, rows.stream().map(Row::customer).distinct().toList(),
                invoicesByNumber());

        assertThat(actual.duplicates()).as("two reminders for one customer, step and day").isEmpty();
        assertThat(actual.byKey()).isEqualTo(oracle.reminders());
    }

    @Test
    void eachCustomerReceivedOneEmailPerEmailStepAndDayAndNoEmailTwice() {
        Map<String, Integer> expectedPerCustomer = oracle.emailsPerCustomer(LocalDate.MIN, LocalDate.MAX);
        List<MailCatcher.CaughtMail> mails = platform.mail().received();
        Map<String, Integer> actualPerCustomer = new TreeMap<>();
        for (MailCatcher.CaughtMail mail : mails) {
            assertThat(mail.to()).hasSize(1);
            String address = mail.to().get(0);
            Matcher customer = MADE_UP_ADDRESS.matcher(address);
            assertThat(customer.matches()).as(address).isTrue();
            actualPerCustomer.merge(customer.group(1).toUpperCase(Locale.ROOT), 1, Integer::sum);
        }
        Map<String, Integer> expectedByAddressId = new TreeMap<>();
        expectedPerCustomer.forEach((customer, count) -> expectedByAddressId.put(customer.toUpperCase(Locale.ROOT), count));

        assertThat(mails).extracting(MailCatcher.CaughtMail::messageId).doesNotHaveDuplicates();
        assertThat(actualPerCustomer).isEqualTo(expectedByAddressId);
    }

    @Test
    void noDebtorNameEmailOrPhoneAppearsInAnyServiceLogOrMetricLabel() throws Exception {
        List<String> personal = ledger.customers().stream()
                .flatMap(c -> java.util.stream.Stream.of(c.legalName(), c.email(), c.phone()))
                .filter(java.util.Objects::nonNull).distinct().toList();
        assertThat(personal).as("every customer has a name and an e-mail to look for")
                .hasSizeGreaterThanOrEqualTo(2 * ledger.customers().size());
        List<String> found = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, Integer> service : servicePorts.entrySet()) {
            Path log = layout.log(service.getKey());
            assertThat(log).as(service.getKey() + "'s log").exists();
            String logText = Files.readString(log);
            assertThat(logText).as(service.getKey() + "'s log has content to search").isNotBlank();
            String metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.getValue() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).as(service.getKey() + "'s metrics").contains("# TYPE");
            for (String value : personal) {
                if (logText.contains(value)) {
                    found.add(service.getKey() + " log: " + value);
                }
                if (metrics.contains(value)) {
                    found.add(service.getKey() + " metrics: " + value);
                }
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void noRecordWentToADeadLetterTopic() {
        assertThat(outcome.deadLetters().values()).allSatisfy(count -> assertThat(count).isZero());
    }

    @Test
    void theKpisAtEveryMonthEndEqualAnIndependentComputationFromTheLedger() {
        for (int window : new int[] {30, 365}) {
            JsonNode history = client.get("kpi-service", "/kpis/history?from=2012-01-31&to=2013-12-31&step=month&window="
                    + window + "&currency=EUR");
            int points = 0;
            for (JsonNode point : history.path("points")) {
                LocalDate asOf = LocalDate.parse(point.path("asOf").asText());
                JsonNode figures = point.path("figures").get(0);
                LedgerOracle.Expected expected = oracle.kpisAt(asOf, window);
                String at = asOf + " over " + window + " days";
                assertThat(Observed.decimal(figures, "receivables")).as("receivables " + at).isEqualByComparingTo(expected.receivables());
                assertThat(Observed.decimal(figures, "dsoDays")).as("DSO " + at).isEqualTo(expected.dso());
                assertThat(Observed.decimal(figures, "averagePaymentDays")).as("days to pay " + at).isEqualTo(expected.daysToPay());
                assertThat(Observed.decimal(figures, "averageDaysLate")).as("days late " + at).isEqualTo(expected.daysLate());
                assertThat(Observed.decimal(figures, "disputeRatePercent")).as("dispute rate " + at).isEqualTo(expected.disputeRate());
                points++;
            }
            assertThat(points).as("month ends over " + window + " days").isEqualTo(24);
        }
    }

    private static Map<String, JsonNode> invoicesByNumber() {
        return Observed.invoicesByNumber(client, new ArrayList<>());
    }
}
