package io.relance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.relance.contracts.Topics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The docker-compose setup and the Kubernetes manifests cannot be run on these machines, so they are checked against
 * what the services themselves declare: names, HTTP ports, the environment variables their application.properties
 * read ({@code ${VAR:default}}), and the topics of contracts' {@link Topics}.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("relance.root", "../..")).toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    /** Values that must never keep the development default of application.properties: they come from a Secret. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET).*");
    private static final Set<String> COMPOSE_INFRASTRUCTURE = Set.of("kafka", "kafka-init", "postgres", "mailpit",
            "prometheus", "grafana");

    /** What one service's application.properties declares. */
    private record Declared(int port, Set<String> envVars, Set<String> topics) {
    }

    private static final Map<String, Declared> DECLARED = new TreeMap<>();

    @BeforeAll
    static void readTheServicesOwnConfiguration() throws IOException {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            String text = Files.readString(ROOT.resolve(spec.name()).resolve("src/main/resources/application.properties"));
            Properties properties = new Properties();
            properties.load(new StringReader(text));
            assertThat(properties.getProperty("quarkus.application.name")).isEqualTo(spec.name());
            Set<String> envVars = new TreeSet<>();
            Matcher reference = ENV_REFERENCE.matcher(text);
            while (reference.find()) {
                envVars.add(reference.group(1));
            }
            Set<String> topics = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                    topics.add(properties.getProperty(key));
                }
                if (key.equals("quarkus.kafka-streams.topics")) {
                    topics.addAll(List.of(properties.getProperty(key).split(",")));
                }
            }
            DECLARED.put(spec.name(), new Declared(Integer.parseInt(properties.getProperty("quarkus.http.port")),
                    envVars, topics));
        }
    }

    @Test
    void everyTopicAServiceConsumesIsAContractTopic() {
        DECLARED.forEach((service, declared) -> assertThat(Topics.ALL).as(service).containsAll(declared.topics()));
    }

    @Test
    void theLocalPrometheusScrapesEveryServiceOnItsOwnPort() throws IOException {
        assertThat(scrapeTargets(ROOT.resolve("deploy/prometheus/prometheus.yml")))
                .isEqualTo(expectedTargets(service -> "127.0.0.1"));
    }

    // --- docker-compose -------------------------------------------------------------------------------------------

    @Test
    void composeRunsEveryServiceFromItsDockerfileOnItsPortAndNothingUnknown() throws IOException {
        JsonNode services = compose().path("services");
        Set<String> expected = new TreeSet<>(DECLARED.keySet());
        expected.addAll(COMPOSE_INFRASTRUCTURE);
        assertThat(names(services)).isEqualTo(expected);
        for (Map.Entry<String, Declared> entry : DECLARED.entrySet()) {
            String service = entry.getKey();
            int port = entry.getValue().port();
            JsonNode definition = services.path(service);
            Path context = ROOT.resolve("deploy/compose").resolve(definition.path("build").path("context").asText()).normalize();
            assertThat(context).as(service).isEqualTo(ROOT.resolve(service));
            Path dockerfile = context.resolve(definition.path("build").path("dockerfile").asText());
            assertThat(Files.readString(dockerfile)).as(dockerfile.toString())
                    .contains("EXPOSE " + port).contains("target/quarkus-app/lib/").contains("quarkus-run.jar");
            assertThat(texts(definition.path("ports"))).as(service).containsExactly(port + ":" + port);
        }
    }

    @Test
    void composeSetsOnlyVariablesAServiceReadsAndEverySecretItReads() throws IOException {
        JsonNode services = compose().path("services");
        for (Map.Entry<String, Declared> entry : DECLARED.entrySet()) {
            Set<String> set = names(services.path(entry.getKey()).path("environment"));
            assertThat(entry.getValue().envVars()).as(entry.getKey()).containsAll(set);
            assertThat(set).as(entry.getKey()).containsAll(secretsOf(entry.getValue()))
                    .containsAll(withoutDefault(entry.getKey()));
        }
    }

    @Test
    void composeGivesEachServiceItsOwnDatabaseCreatedByTheInitScript() throws IOException {
        JsonNode services = compose().path("services");
        String init = Files.readString(ROOT.resolve("deploy/compose/postgres/init-databases.sql"));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode environment = services.path(spec.name()).path("environment");
            if (spec.database().isPresent()) {
                assertThat(environment.path("RELANCE_DB_NAME").asText()).isEqualTo(spec.database().get());
                assertThat(environment.path("RELANCE_DB_HOST").asText()).isEqualTo("postgres");
                assertThat(init).contains("CREATE DATABASE " + spec.database().get() + ";");
            } else {
                assertThat(environment.has("RELANCE_DB_NAME")).as(spec.name()).isFalse();
            }
            assertThat(environment.path("KAFKA_BOOTSTRAP_SERVERS").asText()).as(spec.name()).isEqualTo("kafka:9092");
        }
        assertThat(texts(services.path("postgres").path("volumes")))
                .anyMatch(volume -> volume.startsWith("./postgres/init-databases.sql:/docker-entrypoint-initdb.d/"));
    }

    @Test
    void composeCreatesExactlyTheContractTopicsWithCompactionWhereTheContractSaysSo() throws IOException {
        String script = String.join("\n", texts(compose().path("services").path("kafka-init").path("command")));
        Map<String, String> created = new LinkedHashMap<>();
        Matcher create = Pattern.compile("(?m)^\\s*(PARTITIONS=1 )?create (\\S+)(.*)$").matcher(script);
        Set<String> singlePartition = new TreeSet<>();
        while (create.find()) {
            created.put(create.group(2), create.group(3));
            if (create.group(1) != null) {
                singlePartition.add(create.group(2));
            }
        }
        assertThat(singlePartition).isEqualTo(Topics.SINGLE_PARTITION);
        assertThat(created.keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
        created.forEach((topic, options) -> assertThat(options.contains("cleanup.policy=compact")).as(topic)
                .isEqualTo(Topics.COMPACTED.contains(topic)));
    }

    @Test
    void composePrometheusScrapesEveryServiceByItsNameWithTheCommittedRulesAndGrafanaTheCommittedDashboards()
            throws IOException {
        assertThat(scrapeTargets(ROOT.resolve("deploy/compose/prometheus.yml"))).isEqualTo(expectedTargets(service -> service));
        JsonNode services = compose().path("services");
        List<String> ruleFiles = texts(YAML.readTree(ROOT.resolve("deploy/compose/prometheus.yml").toFile()).path("rule_files"));
        for (String rules : ruleFiles) {
            assertThat(texts(services.path("prometheus").path("volumes")))
                    .contains("../prometheus/" + rules + ":/etc/prometheus/" + rules + ":ro");
            assertThat(ROOT.resolve("deploy/prometheus").resolve(rules)).exists();
        }
        assertThat(texts(services.path("grafana").path("volumes"))).contains(
                "../grafana/provisioning:/etc/grafana/provisioning:ro",
                "../grafana/dashboards:" + services.path("grafana").path("environment").path("RELANCE_DASHBOARDS_DIR").asText() + ":ro");
        assertThat(services.path("grafana").path("environment").path("RELANCE_PROMETHEUS_URL").asText())
                .isEqualTo("http://prometheus:9090");
    }

    @Test
    void grafanaProvisionsEachDataSourceDashboardProviderAndDashboardOnce() throws IOException {
        for (String[] folder : List.of(new String[]{"provisioning/datasources", "datasources", "uid"},
                new String[]{"provisioning/dashboards", "providers", "name"})) {
            List<String> ids = new ArrayList<>();
            try (Stream<Path> files = Files.list(ROOT.resolve("deploy/grafana").resolve(folder[0]))) {
                for (Path file : files.sorted().toList()) {
                    YAML.readTree(file.toFile()).path(folder[1]).forEach(item -> ids.add(item.path(folder[2]).asText()));
                }
            }
            assertThat(ids).as(folder[0]).isNotEmpty().doesNotHaveDuplicates();
        }
        List<String> uids = new ArrayList<>();
        try (Stream<Path> dashboards = Files.list(ROOT.resolve("deploy/grafana/dashboards"))) {
            for (Path dashboard : dashboards.sorted().toList()) {
                uids.add(new ObjectMapper().readTree(dashboard.toFile()).path("uid").asText());
            }
        }
        assertThat(uids).hasSize(2).doesNotHaveDuplicates();
    }

    // --- Kubernetes -----------------------------------------------------------------------------------------------

    @Test
    void kubernetesHasADeploymentAServiceAndAnAutoscalerForEveryServiceAndNoOther() throws IOException {
        List<JsonNode> resources = kubernetes();
        assertThat(namesOfKind(resources, "Deployment")).isEqualTo(DECLARED.keySet());
        assertThat(namesOfKind(resources, "Service")).isEqualTo(DECLARED.keySet());
        Set<String> scaled = ofKind(resources, "HorizontalPodAutoscaler")
                .map(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText()).collect(Collectors.toSet());
        assertThat(scaled).isEqualTo(DECLARED.keySet());
        ofKind(resources, "HorizontalPodAutoscaler").forEach(hpa -> assertThat(hpa.path("spec").path("maxReplicas").asInt())
                .as("an instance beyond the partition count would sit idle")
                .isLessThanOrEqualTo(topicPartitions(resources)));
    }

    @Test
    void everyDeploymentListensOnItsServicePortWithHealthProbesAndResourceBounds() throws IOException {
        List<JsonNode> resources = kubernetes();
        for (Map.Entry<String, Declared> entry : DECLARED.entrySet()) {
            JsonNode container = container(resources, entry.getKey());
            int port = entry.getValue().port();
            assertThat(container.path("ports").get(0).path("containerPort").asInt()).as(entry.getKey()).isEqualTo(port);
            String portName = container.path("ports").get(0).path("name").asText();
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(List.of(container.path("readinessProbe").path("httpGet").path("port").asText(),
                    container.path("livenessProbe").path("httpGet").path("port").asText()))
                    .allMatch(probePort -> probePort.equals(portName) || probePort.equals(Integer.toString(port)));
            for (String bound : List.of("requests", "limits")) {
                assertThat(names(container.path("resources").path(bound))).as(entry.getKey() + " " + bound)
                        .contains("cpu", "memory");
            }
            JsonNode service = ofKind(resources, "Service").filter(s -> name(s).equals(entry.getKey())).findFirst().orElseThrow();
            assertThat(service.path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(port);
            JsonNode deployment = deployment(resources, entry.getKey());
            JsonNode pod = deployment.path("spec").path("template").path("metadata");
            assertThat(pod.path("annotations").path("prometheus.io/port").asText()).isEqualTo(Integer.toString(port));
            assertThat(pod.path("annotations").path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
            for (JsonNode selector : List.of(deployment.path("spec").path("selector").path("matchLabels"),
                    service.path("spec").path("selector"))) {
                assertThat(selector.size()).as(entry.getKey() + " selector").isPositive();
                selector.fields().forEachRemaining(label -> assertThat(pod.path("labels").path(label.getKey()).asText())
                        .as(entry.getKey() + " pod label " + label.getKey()).isEqualTo(label.getValue().asText()));
            }
        }
    }

    @Test
    void everyDeploymentIsConfiguredFromAConfigMapAndItsSecretsFromASecretWithOnlyVariablesItReads() throws IOException {
        List<JsonNode> resources = kubernetes();
        for (Map.Entry<String, Declared> entry : DECLARED.entrySet()) {
            Map<String, String> origin = environment(resources, container(resources, entry.getKey()));
            assertThat(origin).as(entry.getKey()).containsValue("ConfigMap");
            Set<String> helpers = referencedByOtherVariables(container(resources, entry.getKey()));
            Set<String> unread = new TreeSet<>(origin.keySet());
            unread.removeAll(entry.getValue().envVars());
            unread.removeAll(helpers);
            assertThat(unread).as(entry.getKey() + ": variables the service never reads").isEmpty();
            for (String secret : secretsOf(entry.getValue())) {
                assertThat(origin.get(secret)).as(entry.getKey() + " " + secret).isEqualTo("Secret");
            }
            assertThat(origin.keySet()).as(entry.getKey() + ": variables without a default")
                    .containsAll(withoutDefault(entry.getKey()));
        }
    }

    @Test
    void kubernetesPointsEveryServiceAtItsOwnDatabaseAndTheStrimziBootstrap() throws IOException {
        List<JsonNode> resources = kubernetes();
        String cluster = name(ofKind(resources, "Kafka").findFirst().orElseThrow());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> values = values(resources, container(resources, spec.name()));
            assertThat(values.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(cluster + "-kafka-bootstrap:9092");
            assertThat(Stream.ofNullable(values.get("RELANCE_DB_NAME")).toList()).as(spec.name())
                    .isEqualTo(spec.database().stream().toList());
        }
    }

    @Test
    void strimziRunsThreeKraftBrokersWithReplicationThreeAndTwoInSyncReplicas() throws IOException {
        List<JsonNode> resources = kubernetes();
        JsonNode kafka = ofKind(resources, "Kafka").findFirst().orElseThrow();
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/kraft").asText()).isEqualTo("enabled");
        assertThat(kafka.path("metadata").path("annotations").path("strimzi.io/node-pools").asText()).isEqualTo("enabled");
        JsonNode config = kafka.path("spec").path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("transaction.state.log.replication.factor").asInt()).isEqualTo(3);
        Map<String, Integer> replicasByRole = new HashMap<>();
        ofKind(resources, "KafkaNodePool").forEach(pool -> {
            assertThat(pool.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(name(kafka));
            pool.path("spec").path("roles").forEach(role ->
                    replicasByRole.merge(role.asText(), pool.path("spec").path("replicas").asInt(), Integer::sum));
        });
        assertThat(replicasByRole).containsEntry("broker", 3).containsEntry("controller", 3);
    }

    @Test
    void kubernetesDeclaresExactlyTheContractTopicsReplicatedThreeTimes() throws IOException {
        List<JsonNode> resources = kubernetes();
        List<JsonNode> topics = ofKind(resources, "KafkaTopic").toList();
        assertThat(topics).extracting(topic -> topic.path("spec").path("topicName").asText())
                .containsExactlyInAnyOrderElementsOf(Topics.ALL);
        for (JsonNode topic : topics) {
            String name = topic.path("spec").path("topicName").asText();
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(topic.path("spec").path("partitions").asInt() == 1).as(name + " has one partition")
                    .isEqualTo(Topics.SINGLE_PARTITION.contains(name));
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
            assertThat(topic.path("spec").path("config").path("cleanup.policy").asText("delete").equals("compact"))
                    .as(name).isEqualTo(Topics.COMPACTED.contains(name));
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText())
                    .isEqualTo(name(ofKind(resources, "Kafka").findFirst().orElseThrow()));
        }
    }

    @Test
    void theKustomizationListsEveryManifestFile() throws IOException {
        Set<String> listed = new TreeSet<>(texts(YAML.readTree(ROOT.resolve("deploy/k8s/kustomization.yaml").toFile())
                .path("resources")));
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            assertThat(listed).isEqualTo(files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).collect(Collectors.toSet()));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static JsonNode compose() throws IOException {
        return YAML.readTree(ROOT.resolve("deploy/compose/docker-compose.yml").toFile());
    }

    private static List<JsonNode> kubernetes() throws IOException {
        List<JsonNode> resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("deploy/k8s"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    documents.forEachRemaining(document -> {
                        if (document != null && document.has("kind")) {
                            resources.add(document);
                        }
                    });
                }
            }
        }
        return resources;
    }

    private static Set<String> withoutDefault(String service) throws IOException {
        Set<String> required = new TreeSet<>();
        Matcher reference = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}").matcher(
                Files.readString(ROOT.resolve(service).resolve("src/main/resources/application.properties")));
        while (reference.find()) {
            required.add(reference.group(1));
        }
        return required;
    }

    private static Set<String> secretsOf(Declared declared) {
        return declared.envVars().stream().filter(var -> SECRET_NAME.matcher(var).matches()).collect(Collectors.toSet());
    }

    private static Map<String, String> expectedTargets(java.util.function.Function<String, String> host) {
        Map<String, String> expected = new TreeMap<>();
        DECLARED.forEach((service, declared) -> expected.put(service, host.apply(service) + ":" + declared.port()));
        return expected;
    }

    private static Map<String, String> scrapeTargets(Path config) throws IOException {
        Map<String, String> targets = new TreeMap<>();
        YAML.readTree(config.toFile()).path("scrape_configs").forEach(job -> {
            assertThat(job.path("metrics_path").asText()).isEqualTo("/q/metrics");
            targets.put(job.path("job_name").asText(), job.path("static_configs").get(0).path("targets").get(0).asText());
        });
        return targets;
    }

    private static Stream<JsonNode> ofKind(List<JsonNode> resources, String kind) {
        return resources.stream().filter(resource -> resource.path("kind").asText().equals(kind));
    }

    private static Set<String> namesOfKind(List<JsonNode> resources, String kind) {
        return ofKind(resources, kind).map(DeploymentManifestsTest::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String name(JsonNode resource) {
        return resource.path("metadata").path("name").asText();
    }

    private static JsonNode deployment(List<JsonNode> resources, String service) {
        return ofKind(resources, "Deployment").filter(d -> name(d).equals(service)).findFirst().orElseThrow();
    }

    private static JsonNode container(List<JsonNode> resources, String service) {
        JsonNode containers = deployment(resources, service).path("spec").path("template").path("spec").path("containers");
        assertThat(containers.size()).as(service).isEqualTo(1);
        return containers.get(0);
    }

    private static JsonNode data(List<JsonNode> resources, String kind, String name) {
        JsonNode resource = ofKind(resources, kind).filter(r -> name(r).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
        return kind.equals("Secret") && resource.has("stringData") ? resource.path("stringData") : resource.path("data");
    }

    /** Each variable the container gets, and the kind of resource it comes from (ConfigMap, Secret, or Pod). */
    private static Map<String, String> environment(List<JsonNode> resources, JsonNode container) {
        Map<String, String> origin = new TreeMap<>();
        container.path("envFrom").forEach(source -> {
            String kind = source.has("secretRef") ? "Secret" : "ConfigMap";
            String name = source.path(source.has("secretRef") ? "secretRef" : "configMapRef").path("name").asText();
            names(data(resources, kind, name)).forEach(var -> origin.put(var, kind));
        });
        container.path("env").forEach(variable -> {
            JsonNode from = variable.path("valueFrom");
            String kind = from.has("secretKeyRef") ? "Secret" : from.has("configMapKeyRef") ? "ConfigMap" : "Pod";
            if (!kind.equals("Pod")) {
                String ref = kind.equals("Secret") ? "secretKeyRef" : "configMapKeyRef";
                assertThat(data(resources, kind, from.path(ref).path("name").asText()).has(from.path(ref).path("key").asText()))
                        .as(variable.path("name").asText()).isTrue();
            }
            origin.put(variable.path("name").asText(), kind);
        });
        return origin;
    }

    private static Map<String, String> values(List<JsonNode> resources, JsonNode container) {
        Map<String, String> values = new TreeMap<>();
        container.path("envFrom").forEach(source -> {
            String kind = source.has("secretRef") ? "Secret" : "ConfigMap";
            String name = source.path(source.has("secretRef") ? "secretRef" : "configMapRef").path("name").asText();
            data(resources, kind, name).fields().forEachRemaining(e -> values.put(e.getKey(), e.getValue().asText()));
        });
        container.path("env").forEach(variable -> values.put(variable.path("name").asText(), variable.path("value").asText()));
        return values;
    }

    /** Variables that only feed another one ({@code $(POD_IP)} in a value): Kubernetes' own composition. */
    private static Set<String> referencedByOtherVariables(JsonNode container) {
        Set<String> helpers = new TreeSet<>();
        container.path("env").forEach(variable -> {
            Matcher reference = Pattern.compile("\\$\\(([A-Z_][A-Z0-9_]*)\\)").matcher(variable.path("value").asText());
            while (reference.find()) {
                helpers.add(reference.group(1));
            }
        });
        return helpers;
    }

    private static int topicPartitions(List<JsonNode> resources) {
        return ofKind(resources, "KafkaTopic")
                .filter(topic -> !Topics.SINGLE_PARTITION.contains(topic.path("spec").path("topicName").asText()))
                .mapToInt(topic -> topic.path("spec").path("partitions").asInt()).min().orElse(0);
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
