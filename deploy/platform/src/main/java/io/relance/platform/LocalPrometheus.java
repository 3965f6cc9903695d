package io.relance.platform;

import io.relance.servers.ChildProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's package, unpacked into the project by {@code deploy/prometheus/install.sh}) scraping
 * the services of a running platform with the committed rule files: {@code ./relance start --prometheus} and the
 * drift check of ObservabilityIT.
 */
public final class LocalPrometheus implements AutoCloseable {

    /** The rule files deploy/prometheus/prometheus.yml loads: business targets as recording rules, then the alerts. */
    public static final List<String> RULE_FILES = List.of("targets.yml", "alerts.yml");

    private final ChildProcess process;
    private final int port;

    private LocalPrometheus(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Installs Prometheus if needed (see install.sh) and returns the folder of its binaries (prometheus, promtool). */
    public static Path install(Path projectRoot) {
        return Path.of(run(List.of(projectRoot.resolve("deploy/prometheus/install.sh").toString())).trim());
    }

    /** Starts Prometheus on 127.0.0.1:{@code port}, its data and configuration in {@code dir}. */
    public static LocalPrometheus start(Path projectRoot, Path dir, int port, List<RunningService> services,
                                        Duration scrapeInterval) {
        Path binaries = install(projectRoot);
        try {
            Files.createDirectories(dir);
            for (String rules : RULE_FILES) {
                Files.copy(projectRoot.resolve("deploy/prometheus").resolve(rules), dir.resolve(rules),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(dir.resolve("prometheus.yml"), scrapeConfig(services, scrapeInterval));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Prometheus in " + dir, e);
        }
        ChildProcess process = ChildProcess.start("Prometheus", List.of(binaries.resolve("prometheus").toString(),
                        "--config.file=" + dir.resolve("prometheus.yml"), "--storage.tsdb.path=" + dir.resolve("data"),
                        "--web.listen-address=127.0.0.1:" + port), dir, dir.resolve("prometheus.log"), "TERM",
                Duration.ofSeconds(10));
        process.watch(process.pid());
        return new LocalPrometheus(process, port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** What the committed prometheus.yml says, with the platform's own ports as targets. */
    static String scrapeConfig(List<RunningService> services, Duration scrapeInterval) {
        StringBuilder config = new StringBuilder("""
                global:
                  scrape_interval: %ds
                  evaluation_interval: %ds
                rule_files:
                """.formatted(scrapeInterval.toSeconds(), scrapeInterval.toSeconds()));
        RULE_FILES.forEach(rules -> config.append("  - ").append(rules).append('\n'));
        config.append("scrape_configs:\n");
        services.forEach(service -> config.append("""
                  - job_name: %s
                    metrics_path: /q/metrics
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(service.spec().name(), service.port())));
        return config.toString();
    }

    /** Runs a command to its end and returns what it printed; fails with that output when it fails. */
    public static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        process.stop();
    }
}
