package io.relance.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole public ledger replayed through the five services on the real broker and database, then checked against
 * figures this test computes on its own from the CSV: every invoice paid, the reminders of the default policy and no
 * others, the KPIs at every month end, no dead letter, no duplicate e-mail. Nothing here calls the platform's KPI
 * or dunning code: the expectations are written again below, from DESIGN.md and the services' READMEs.
 */
class LedgerReplayIT {

    private static final Path CSV = Path.of(System.getProperty("relance.root")).resolve("deploy/datasets/ibm-accounts-receivable.csv");
    /** The default French B2B policy: offsets from the due date; steps 0, 1, 2 and 4 send an e-mail, 3 is a phone task. */
    private static final int[] OFFSETS = {-3, 7, 21, 30, 45, 60};
    private static final Set<Integer> EMAIL_STEPS = Set.of(0, 1, 2, 4);
    private static final BigDecimal HAND_OVER_MINIMUM = new BigDecimal("1000.00");
    /** The e-mail the replay gives a customer of the public ledger, which carries none. */
    private static final Pattern MADE_UP_ADDRESS = Pattern.compile("accounts\\.([^@]+)@ledger\\.example");

    private static Platform platform;
    private static PlatformClient client;
    private static Replay.Outcome outcome;
    private static List<Row> rows;
    private static Ledger ledger;
    private static PlatformLayout layout;
    private static Map<String, Integer> servicePorts;

    /** One line of the CSV, read here without the replay's own reader. */
    record Row(String customer, String number, LocalDate issued, LocalDate due, BigDecimal amount, boolean disputed,
               LocalDate settled) {

        LocalDate disputeOpened() {
            return settled.isAfter(due) ? due : issued;
        }
    }

    @BeforeAll
    static void replayTheLedger() throws IOException {
        rows = readCsv();
        ledger = Ledger.read(CSV);
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
        Map<String, JsonNode> invoices = invoicesByNumber();
        Map<String, String> numberById = new HashMap<>();
        invoices.forEach((number, invoice) -> numberById.put(invoice.path("id").asText(), number));

        // expected: (customer, step, day) -> invoice numbers
        Map<String, Set<String>> expected = new TreeMap<>();
        for (Row row : rows) {
            LocalDate stop = row.disputed() && row.disputeOpened().isBefore(row.settled()) ? row.disputeOpened() : row.settled();
            for (int step = 0; step < OFFSETS.length; step++) {
                LocalDate day = onOrAfterBusinessDay(row.due().plusDays(OFFSETS[step]));
                boolean reminds = step != 5 || row.amount().compareTo(HAND_OVER_MINIMUM) >= 0;
                if (day.isBefore(stop) && reminds) {
                    expected.computeIfAbsent(row.customer() + "|" + step + "|" + day, k -> new TreeSet<>()).add(row.number());
                }
            }
        }
        Map<String, Set<String>> actual = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String customer : rows.stream().map(Row::customer).distinct().toList()) {
            JsonNode history = client.get("dunning-service", "/customers/" + encode(customer) + "/history");
            for (JsonNode entry : history) {
                if (!"REMINDER_REQUESTED".equals(entry.path("kind").asText())) {
                    continue;
                }
                String detail = entry.path("detail").asText();
                int step = Integer.parseInt(detail.substring("step ".length(), detail.indexOf(' ', "step ".length())));
                String key = customer + "|" + step + "|" + entry.path("businessDate").asText();
                Set<String> numbers = new TreeSet<>();
                entry.path("invoiceIds").forEach(id -> numbers.add(numberById.get(id.asText())));
                if (actual.put(key, numbers) != null) {
                    duplicates.add(key);
                }
            }
        }

        assertThat(duplicates).as("two reminders for one customer, step and day").isEmpty();
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void eachCustomerReceivedOneEmailPerEmailStepAndDayAndNoEmailTwice() {
        Map<String, Integer> expectedPerCustomer = new TreeMap<>();
        Set<String> groups = new HashSet<>();
        for (Row row : rows) {
            LocalDate stop = row.disputed() && row.disputeOpened().isBefore(row.settled()) ? row.disputeOpened() : row.settled();
            for (int step : EMAIL_STEPS) {
                LocalDate day = onOrAfterBusinessDay(row.due().plusDays(OFFSETS[step]));
                if (day.isBefore(stop) && groups.add(row.customer() + "|" + step + "|" + day)) {
                    expectedPerCustomer.merge(row.customer(), 1, Integer::sum);
                }
            }
        }
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
                Expected expected = expectedAt(asOf, window);
                String at = asOf + " over " + window + " days";
                assertThat(decimal(figures, "receivables")).as("receivables " + at).isEqualByComparingTo(expected.receivables());
                assertThat(decimal(figures, "dsoDays")).as("DSO " + at).isEqualTo(expected.dso());
                assertThat(decimal(figures, "averagePaymentDays")).as("days to pay " + at).isEqualTo(expected.daysToPay());
                assertThat(decimal(figures, "averageDaysLate")).as("days late " + at).isEqualTo(expected.daysLate());
                assertThat(decimal(figures, "disputeRatePercent")).as("dispute rate " + at).isEqualTo(expected.disputeRate());
                points++;
            }
            assertThat(points).as("month ends over " + window + " days").isEqualTo(24);
        }
    }

    record Expected(BigDecimal receivables, BigDecimal dso, BigDecimal daysToPay, BigDecimal daysLate,
                    BigDecimal disputeRate) {
    }

    /** The KPIs as the design defines them: as of the end of day t, over the N days after t−N up to t. */
    private static Expected expectedAt(LocalDate t, int window) {
        LocalDate start = t.minusDays(window);
        BigDecimal receivables = BigDecimal.ZERO;
        BigDecimal invoiced = BigDecimal.ZERO;
        long issuedInWindow = 0;
        long disputedInWindow = 0;
        long paid = 0;
        long daysToPay = 0;
        long daysLate = 0;
        for (Row row : rows) {
            if (!row.issued().isAfter(t) && row.settled().isAfter(t)) {
                receivables = receivables.add(row.amount());
            }
            boolean issuedInW = row.issued().isAfter(start) && !row.issued().isAfter(t);
            if (issuedInW) {
                invoiced = invoiced.add(row.amount());
                issuedInWindow++;
                if (row.disputed() && !row.disputeOpened().isAfter(t)) {
                    disputedInWindow++;
                }
            }
            if (row.settled().isAfter(start) && !row.settled().isAfter(t)) {
                paid++;
                daysToPay += ChronoUnit.DAYS.between(row.issued(), row.settled());
                daysLate += Math.max(0, ChronoUnit.DAYS.between(row.due(), row.settled()));
            }
        }
        BigDecimal dso = invoiced.signum() == 0 ? null
                : receivables.multiply(BigDecimal.valueOf(window)).divide(invoiced, 2, RoundingMode.HALF_UP);
        return new Expected(receivables, dso,
                paid == 0 ? null : BigDecimal.valueOf(daysToPay).divide(BigDecimal.valueOf(paid), 2, RoundingMode.HALF_UP),
                paid == 0 ? null : BigDecimal.valueOf(daysLate).divide(BigDecimal.valueOf(paid), 2, RoundingMode.HALF_UP),
                issuedInWindow == 0 ? null : BigDecimal.valueOf(disputedInWindow * 100)
                        .divide(BigDecimal.valueOf(issuedInWindow), 2, RoundingMode.HALF_UP));
    }

    private static BigDecimal decimal(JsonNode figures, String field) {
        JsonNode value = figures.path(field);
        return value.isNull() || value.isMissingNode() ? null : new BigDecimal(value.asText()).setScale(2, RoundingMode.UNNECESSARY);
    }

    private static Map<String, JsonNode> invoicesByNumber() {
        Map<String, JsonNode> invoices = new HashMap<>();
        String after = null;
        do {
            JsonNode page = client.get("invoice-service", "/invoices?limit=500" + (after == null ? "" : "&after=" + encode(after)));
            page.path("items").forEach(item -> invoices.put(item.path("number").asText(), item));
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
        return invoices;
    }

    /** French business days: no weekend, none of the eleven public holidays (Easter by Gauss's method). */
    static LocalDate onOrAfterBusinessDay(LocalDate date) {
        LocalDate day = date;
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY || isHoliday(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isHoliday(LocalDate day) {
        Set<MonthDay> fixed = Set.of(MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(5, 8), MonthDay.of(7, 14),
                MonthDay.of(8, 15), MonthDay.of(11, 1), MonthDay.of(11, 11), MonthDay.of(12, 25));
        if (fixed.contains(MonthDay.from(day))) {
            return true;
        }
        LocalDate easter = easter(day.getYear());
        return day.equals(easter.plusDays(1)) || day.equals(easter.plusDays(39)) || day.equals(easter.plusDays(50));
    }

    private static LocalDate easter(int year) {
        int a = year % 19;
        int b = year % 4;
        int c = year % 7;
        int k = year / 100;
        int p = (13 + 8 * k) / 25;
        int q = k / 4;
        int m = (15 - p + k - q) % 30;
        int n = (4 + k - q) % 7;
        int d = (19 * a + m) % 30;
        int e = (2 * b + 4 * c + 6 * d + n) % 7;
        int march = 22 + d + e;
        if (d == 29 && e == 6) {
            return LocalDate.of(year, 4, 19);
        }
        if (d == 28 && e == 6 && (11 * m + 11) % 30 < 19) {
            return LocalDate.of(year, 4, 18);
        }
        return march <= 31 ? LocalDate.of(year, 3, march) : LocalDate.of(year, 4, march - 31);
    }

    private static List<Row> readCsv() throws IOException {
        List<String> lines = Files.readAllLines(CSV, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(","));
        List<Row> read = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            read.add(new Row(cells[header.indexOf("customerID")], cells[header.indexOf("invoiceNumber")],
                    usDate(cells[header.indexOf("InvoiceDate")]), usDate(cells[header.indexOf("DueDate")]),
                    new BigDecimal(cells[header.indexOf("InvoiceAmount")]).setScale(2, RoundingMode.UNNECESSARY),
                    cells[header.indexOf("Disputed")].equals("Yes"), usDate(cells[header.indexOf("SettledDate")])));
        }
        return read;
    }

    private static LocalDate usDate(String text) {
        String[] parts = text.split("/");
        return LocalDate.of(Integer.parseInt(parts[2]), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
