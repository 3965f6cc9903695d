package io.relance.platform;

import io.relance.servers.ChildProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/** One instance of a packaged service running as a child process of the launcher. */
public final class RunningService {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final int instance;
    private final int port;
    private final ChildProcess process;
    private final long launchedAt = System.nanoTime();
    private volatile Duration startupTime;

    RunningService(ServiceSpec spec, int instance, int port, ChildProcess process) {
        this.spec = spec;
        this.instance = instance;
        this.port = port;
        this.process = process;
    }

    /** From the launch of the JVM until the service first answered ready; null before that. */
    public Duration startupTime() {
        return startupTime;
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** 1 for the first instance of its service, 2 for a second one side by side, and so on. */
    public int instance() {
        return instance;
    }

    /** The service's name for its first instance, with the instance number after it for the others. */
    public String name() {
        return name(spec, instance);
    }

    static String name(ServiceSpec spec, int instance) {
        return instance == 1 ? spec.name() : spec.name() + "-" + instance;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** False once the process has exited (killed, stopped or crashed). */
    public boolean isAlive() {
        return process.isAlive();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until /q/health/ready answers UP; fails with the tail of the service's log if it exits or times out. */
    void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name() + " exited during start-up; its log ends with:\n"
                        + process.logTail());
            }
            if (isReady(url())) {
                startupTime = Duration.ofNanos(System.nanoTime() - launchedAt);
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name() + " was not ready within " + timeout.toSeconds()
                + " s; its log ends with:\n" + process.logTail());
    }

    void stop() {
        process.stop();
    }

    void kill() {
        process.kill();
    }

    /** True when the service answers its readiness check with UP. */
    public static boolean isReady(String baseUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident memory of a process in MiB, from /proc (Linux). */
    public static OptionalLong residentMegabytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            return Files.readAllLines(status).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
