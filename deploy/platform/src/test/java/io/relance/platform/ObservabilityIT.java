package io.relance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.relance.servers.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Prometheus configuration, alert rules and Grafana dashboards of deploy/ cannot drift from the services: promtool
 * checks the files, and a real Prometheus scraping the running platform parses every alert expression and every
 * panel query, each of which may only name metrics that some service exposes.
 */
@ExtendWith(SharedPlatform.class)
class ObservabilityIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of(System.getProperty("relance.root")).toAbsolutePath().normalize();
    private static final List<String> RULE_FILES = LocalPrometheus.RULE_FILES;
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");

    private static Path binaries;
    private static LocalPrometheus prometheus;
    private static String prometheusUrl;

    @BeforeAll
    static void startPrometheus(Platform platform) throws Exception {
        binaries = LocalPrometheus.install(ROOT);
        exercise(platform);
        prometheus = LocalPrometheus.start(ROOT, Files.createTempDirectory("relance-prometheus-"), FreePorts.find(),
                platform.services(), Duration.ofSeconds(1));
        prometheusUrl = prometheus.url();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(ObservabilityIT::everyTargetScraped);
        // Recording rules write their series at the first evaluation after start: the alerts read them.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> exposedMetrics().containsAll(recordedNames()));
    }

    @AfterAll
    static void stopPrometheus() {
        if (prometheus != null) {
            prometheus.close();
        }
    }

    @Test
    void theCommittedPrometheusConfigurationAndRulesPassPromtool() throws Exception {
        assertThat(run(List.of(binaries.resolve("promtool").toString(), "check", "config",
                ROOT.resolve("deploy/prometheus/prometheus.yml").toString()))).contains("SUCCESS");
        // docker-compose's configuration, with the rule files beside it as the container mounts them.
        Path compose = Files.createTempDirectory("relance-compose-prometheus-");
        Files.copy(ROOT.resolve("deploy/compose/prometheus.yml"), compose.resolve("prometheus.yml"));
        for (String rules : RULE_FILES) {
            Files.copy(ROOT.resolve("deploy/prometheus").resolve(rules), compose.resolve(rules));
        }
        assertThat(run(List.of(binaries.resolve("promtool").toString(), "check", "config",
                compose.resolve("prometheus.yml").toString()))).contains("SUCCESS");
        List<String> check = new ArrayList<>(List.of(binaries.resolve("promtool").toString(), "check", "rules"));
        RULE_FILES.forEach(rules -> check.add(ROOT.resolve("deploy/prometheus").resolve(rules).toString()));
        assertThat(run(check)).contains("SUCCESS").doesNotContain("FAILED");
        JsonNode config = new YAMLMapper().readTree(ROOT.resolve("deploy/prometheus/prometheus.yml").toFile());
        List<String> loaded = new ArrayList<>();
        config.path("rule_files").forEach(file -> loaded.add(file.asText()));
        assertThat(loaded).containsExactlyElementsOf(RULE_FILES);
    }

    @Test
    void everyAlertAndRecordingRuleExpressionParsesAndReadsOnlyExposedMetrics() throws Exception {
        List<String> expressions = new ArrayList<>();
        for (String rules : RULE_FILES) {
            rules(rules).forEach(rule -> expressions.add(rule.path("expr").asText()));
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(9);
        assertQueriesHold(expressions);
    }

    @Test
    void theReminderFailureAndDsoAlertsCompareAgainstTheirConfigurableTargets() throws Exception {
        Map<String, String> alerts = new LinkedHashMap<>();
        rules("alerts.yml").forEach(rule -> alerts.put(rule.path("alert").asText(), rule.path("expr").asText()));
        assertThat(PromQlMetricNames.of(alerts.get("ReminderFailureRateHigh"))).contains(
                "relance_reminders_failed_total", "relance_reminders_sent_total", "relance:reminder_failure_ratio_threshold");
        assertThat(PromQlMetricNames.of(alerts.get("DsoAboveTarget"))).contains("relance_kpi_dso_days", "relance:dso_target_days");
        assertThat(recordedNames()).contains("relance:reminder_failure_ratio_threshold", "relance:dso_target_days");
        // Before any delivery the ratio must be a number (0), not NaN or no series: clamp_min keeps the alert defined.
        String ratio = alerts.get("ReminderFailureRateHigh").split(">")[0];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> query(ratio).path("data").path("result").size() == 1);
        double value = query(ratio).path("data").path("result").get(0).path("value").get(1).asDouble();
        assertThat(value).isBetween(0.0, 1.0);
    }

    @Test
    void everyDashboardPanelQueryParsesAndReadsOnlyExposedMetrics() throws Exception {
        List<String> expressions = new ArrayList<>();
        try (Stream<Path> dashboards = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                collectExpressions(JSON.readTree(dashboard.toFile()), expressions);
            }
        }
        assertThat(expressions).isNotEmpty();
        assertQueriesHold(expressions);
    }

    @Test
    void everyDashboardVariableReadsAnExposedMetric() throws Exception {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> dashboards = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path dashboard : dashboards.filter(p -> p.toString().endsWith(".json")).toList()) {
                Matcher variable = LABEL_VALUES.matcher(Files.readString(dashboard));
                while (variable.find()) {
                    read.add(variable.group(1));
                }
            }
        }
        assertThat(read).isNotEmpty();
        assertThat(exposedMetrics()).containsAll(read);
    }

    @Test
    void theCheckCatchesAMisspelledMetricAndABrokenExpression() throws Exception {
        assertThat(unknownMetrics("max by (job) (relance_outbox_backlogg)")).containsExactly("relance_outbox_backlogg");
        assertThat(query("sum(rate(relance_outbox_backlog[5m])").path("status").asText()).isEqualTo("error");
    }

    private static void assertQueriesHold(List<String> expressions) throws Exception {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String expression : expressions) {
            JsonNode answer = query(expression);
            if (!"success".equals(answer.path("status").asText())) {
                problems.put(expression, "does not parse: " + answer.path("error").asText());
            }
            Set<String> unknown = unknownMetrics(expression);
            if (!unknown.isEmpty()) {
                problems.put(expression, "reads metrics no service exposes: " + unknown);
            }
        }
        assertThat(problems).as("expressions that do not hold").isEmpty();
    }

    private static Set<String> unknownMetrics(String expression) throws Exception {
        Set<String> unknown = new TreeSet<>(PromQlMetricNames.of(expression));
        unknown.removeAll(exposedMetrics());
        return unknown;
    }

    private static Set<String> exposedMetrics() throws Exception {
        Set<String> exposed = new TreeSet<>();
        JSON.readTree(get(prometheusUrl + "/api/v1/label/__name__/values")).path("data")
                .forEach(name -> exposed.add(name.asText()));
        return exposed;
    }

    private static List<JsonNode> rules(String file) throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        new YAMLMapper().readTree(ROOT.resolve("deploy/prometheus").resolve(file).toFile()).path("groups")
                .forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    private static Set<String> recordedNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String file : RULE_FILES) {
            rules(file).stream().filter(rule -> rule.has("record")).forEach(rule -> names.add(rule.path("record").asText()));
        }
        return names;
    }

    private static JsonNode query(String expression) throws Exception {
        String grafanaFree = expression.replace("$__rate_interval", "1m").replace("$__interval", "1m")
                .replace("$__range", "1h");
        return JSON.readTree(get(prometheusUrl + "/api/v1/query?query="
                + URLEncoder.encode(grafanaFree, StandardCharsets.UTF_8)));
    }

    private static void collectExpressions(JsonNode node, List<String> expressions) {
        if (node.isObject()) {
            if (node.has("expr")) {
                expressions.add(node.path("expr").asText());
            }
            node.forEach(child -> collectExpressions(child, expressions));
        } else if (node.isArray()) {
            node.forEach(child -> collectExpressions(child, expressions));
        }
    }

    /** Makes the services do something, so request and publishing metrics have series. */
    private static void exercise(Platform platform) throws Exception {
        RunningService invoices = platform.services().stream()
                .filter(s -> s.spec().name().equals("invoice-service")).findFirst().orElseThrow();
        String customer = "C-" + UUID.randomUUID();
        HttpResponse<String> customerCreated = HTTP.send(HttpRequest.newBuilder(URI.create(invoices.url() + "/customers/" + customer))
                .header("Content-Type", "application/json").header("Authorization", platform.tokens().bearer("erp"))
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"sourceSystem":"observability","externalId":"%s","legalName":"ACME SAS","language":"fr",
                         "segment":"NEW"}""".formatted(customer)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(customerCreated.statusCode()).as(customerCreated.body()).isEqualTo(201);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(invoices.url() + "/invoices"))
                .header("Content-Type", "application/json").header("Authorization", platform.tokens().bearer("erp"))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"customerId":"%s","number":"F-%s","amount":"10.00","currency":"EUR",
                         "issueDate":"2026-03-02","dueDate":"2026-04-01"}""".formatted(customer, UUID.randomUUID())))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> get(invoices.url() + "/q/metrics").contains("relance_events_published_total"));
        RunningService kpis = platform.services().stream()
                .filter(s -> s.spec().name().equals("kpi-service")).findFirst().orElseThrow();
        // The KPI gauges have rows once the stores hold figures and the next refresh has run.
        await().atMost(Duration.ofSeconds(90)).until(() -> get(kpis.url() + "/q/metrics").contains("relance_kpi_receivables"));
    }

    private static boolean everyTargetScraped() {
        try {
            JsonNode targets = JSON.readTree(get(prometheusUrl + "/api/v1/targets")).path("data").path("activeTargets");
            if (targets.size() != ServiceSpec.ALL.size()) {
                return false;
            }
            for (JsonNode target : targets) {
                if (!"up".equals(target.path("health").asText())) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static String get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String run(List<String> command) {
        return LocalPrometheus.run(command);
    }
}
