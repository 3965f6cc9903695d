package io.relance.benchmark;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the time goes during one stretch of load: the CPU each process of the platform used (from the operating
 * system: the services, Kafka, PostgreSQL with its backends, this load generator), and for each service a Java Flight
 * Recorder profile started and stopped with {@code jcmd}, summarised as the libraries and methods its samples were in.
 */
final class Profiler {

    /**
     * A process to account for: {@code jfr} when it is a JVM to profile, {@code tree} when the processes it started
     * count too (PostgreSQL's backends are the postmaster's children; the services are this generator's).
     */
    record Watched(String name, long pid, boolean jfr, boolean tree) {
    }

    /** Library areas, by the package of the first frame outside the JDK, in the order they are tried. */
    private static final Map<String, String> AREAS = areas();

    private final String label;
    private final List<Watched> watched;
    private final Path directory;
    private final Map<String, Duration> cpuAtStart = new LinkedHashMap<>();
    private long startNanos;

    Profiler(String label, List<Watched> watched, Path directory) {
        this.label = label;
        this.watched = watched;
        this.directory = directory;
    }

    void start() throws IOException {
        Files.createDirectories(directory);
        for (Watched w : watched) {
            if (w.jfr()) {
                jcmd(w.pid(), "JFR.start", "name=" + name(), "settings=profile", "filename=" + recording(w));
            }
        }
        watched.forEach(w -> cpuAtStart.put(w.name(), cpu(w)));
        startNanos = System.nanoTime();
    }

    /** Stops the recordings and adds what they show to the report, under the section {@code profile: <label>}. */
    void stopInto(Report report) throws IOException {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        String section = "profile: " + label;
        for (Watched w : watched) {
            if (ProcessHandle.of(w.pid()).filter(ProcessHandle::isAlive).isEmpty()) {
                report.add(section, w.name() + ": CPU used", "process ended during the run", "");
                continue;
            }
            double seconds = cpu(w).minus(cpuAtStart.get(w.name())).toMillis() / 1000.0;
            report.add(section, w.name() + ": CPU used", "%.1f s (%.0f%% of %d cores)".formatted(seconds,
                    100 * seconds / (wall * cores), cores), "");
        }
        for (Watched w : watched) {
            if (!w.jfr() || ProcessHandle.of(w.pid()).filter(ProcessHandle::isAlive).isEmpty()) {
                continue;
            }
            Samples samples;
            try {
                jcmd(w.pid(), "JFR.stop", "name=" + name());
                awaitWritten(recording(w));
                samples = read(recording(w));
            } catch (IOException e) {
                report.note("No profile of " + w.name() + " for \"" + label + "\": " + e.getMessage());
                continue;
            }
            if (samples.total() == 0) {
                continue;
            }
            report.add(section, w.name() + ": where its samples are (library)", samples.top(samples.byArea(), 4), "");
            report.add(section, w.name() + ": hottest methods (self)", samples.top(samples.byMethod(), 3), "");
        }
        report.note("Profile \"" + label + "\": %.0f s of wall time; JFR recordings in %s (open with `jfr print` or JDK Mission Control)."
                .formatted(wall, directory));
    }

    /** The label as one word: jcmd splits its command line on spaces. */
    private String name() {
        return label.replaceAll("[^A-Za-z0-9]+", "-");
    }

    private Path recording(Watched w) {
        return directory.resolve(name() + "-" + w.name().replaceAll("[^A-Za-z0-9]+", "-") + ".jfr");
    }

    private static Duration cpu(Watched w) {
        Optional<ProcessHandle> handle = ProcessHandle.of(w.pid());
        if (handle.isEmpty()) {
            return Duration.ZERO;
        }
        Stream<ProcessHandle> processes = w.tree() ? Stream.concat(Stream.of(handle.get()), handle.get().descendants())
                : Stream.of(handle.get());
        return processes.map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    /** The JVM writes the recording as it stops it; wait until the file has content that no longer grows. */
    private static void awaitWritten(Path file) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        long size = -1;
        while (System.nanoTime() < deadline) {
            long now = Files.exists(file) ? Files.size(file) : 0;
            if (now > 0 && now == size) {
                return;
            }
            size = now;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + file, e);
            }
        }
        throw new IOException("the recording " + file + " was not written within 30 s");
    }

    private static void jcmd(long pid, String... command) throws IOException {
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("jcmd " + String.join(" ", command) + " failed for " + pid + ": " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running jcmd", e);
        }
    }

    private record Samples(int total, Map<String, Integer> byArea, Map<String, Integer> byMethod) {

        String top(Map<String, Integer> counts, int n) {
            return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                    .map(e -> "%s %.0f%%".formatted(e.getKey(), 100.0 * e.getValue() / total))
                    .collect(Collectors.joining(", "));
        }
    }

    private static Samples read(Path file) throws IOException {
        Map<String, Integer> byArea = new LinkedHashMap<>();
        Map<String, Integer> byMethod = new LinkedHashMap<>();
        int total = 0;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName()) || event.getStackTrace() == null
                        || event.getStackTrace().getFrames().isEmpty()) {
                    continue;
                }
                List<RecordedFrame> frames = event.getStackTrace().getFrames();
                RecordedFrame top = frames.get(0);
                byMethod.merge(simpleName(top.getMethod().getType().getName()) + "." + top.getMethod().getName(), 1, Integer::sum);
                byArea.merge(area(frames), 1, Integer::sum);
                total++;
            }
        }
        return new Samples(total, byArea, byMethod);
    }

    private static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return AREAS.entrySet().stream().filter(a -> type.startsWith(a.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("other libraries");
        }
        return "JDK";
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    private static Map<String, String> areas() {
        Map<String, String> areas = new LinkedHashMap<>();
        areas.put("org.postgresql", "PostgreSQL client");
        areas.put("io.vertx.pgclient", "PostgreSQL client");
        areas.put("io.vertx.sqlclient", "PostgreSQL client");
        areas.put("org.apache.kafka.streams", "Kafka Streams");
        areas.put("org.apache.kafka", "Kafka client");
        areas.put("io.smallrye.reactive.messaging", "Reactive Messaging");
        areas.put("com.fasterxml.jackson", "JSON");
        areas.put("org.hibernate", "Hibernate");
        areas.put("io.netty", "Netty / Vert.x");
        areas.put("io.vertx", "Netty / Vert.x");
        areas.put("io.opentelemetry", "OpenTelemetry");
        areas.put("io.micrometer", "Micrometer");
        areas.put("org.jboss.resteasy", "REST / Quarkus");
        areas.put("io.quarkus", "REST / Quarkus");
        areas.put("io.smallrye", "SmallRye (config, JWT, Mutiny)");
        areas.put("io.relance", "Relance's own code");
        areas.put("org.rocksdb", "RocksDB");
        return areas;
    }
}
