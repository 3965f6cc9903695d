package io.relance.platform;

import io.relance.platform.replay.Ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;

/**
 * {@code ./relance start | demo | stop | status | token}: the local platform in one command. Start runs in the
 * foreground until Ctrl-C or {@code ./relance stop}; data stays in the platform folder between runs. Demo replays a
 * ledger on a fresh platform of its own, in replay mode.
 */
public final class PlatformCommand {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);
    private static final int PROMETHEUS_PORT = 9090;

    private final PlatformLayout layout;

    private PlatformCommand(PlatformLayout layout) {
        this.layout = layout;
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("relance.root", ".")).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("relance.home", root.resolve(".relance").toString())).toAbsolutePath();
        PlatformCommand command = new PlatformCommand(new PlatformLayout(root, home));
        String verb = args.length == 0 ? "start" : args[0];
        int exit = switch (verb) {
            case "start" -> command.start(Arrays.asList(args).contains("--prometheus"));
            case "demo" -> command.demo(args);
            case "stop" -> command.stop();
            case "status" -> command.status();
            case "token" -> command.token(args);
            default -> {
                System.err.println("usage: ./relance [start [--prometheus]|demo [ledger.csv] [--exit]|stop|status|token <role> [hours]]");
                yield 2;
            }
        };
        System.exit(exit);
    }

    private int start(boolean prometheus) {
        return underLock(() -> runUntilStopped(prometheus));
    }

    /** Replays a ledger on a fresh platform in replay mode, prints the KPIs, then stays up (or exits with --exit). */
    private int demo(String[] args) {
        List<String> rest = Arrays.stream(args).skip(1).filter(a -> !a.equals("--exit")).toList();
        boolean exit = Arrays.asList(args).contains("--exit");
        Path file = rest.isEmpty() ? layout.projectRoot().resolve(DemoCommand.DEFAULT_LEDGER) : Path.of(rest.get(0)).toAbsolutePath();
        Ledger ledger;
        try {
            ledger = Ledger.read(file);
        } catch (RuntimeException e) {
            System.err.println("Cannot replay " + file + ": " + e.getMessage());
            return 2;
        }
        DemoCommand demo = new DemoCommand(layout);
        return underLock(() -> {
            long started = System.nanoTime();
            Platform platform;
            try {
                platform = demo.start(file, ledger);
            } catch (RuntimeException e) {
                System.err.println("Relance did not start: " + e.getMessage());
                return 1;
            }
            CountDownLatch stopped = stopOnShutdown(platform);
            System.out.printf(Locale.ROOT, "Relance is up in replay mode in %.1f s.%n", (System.nanoTime() - started) / 1e9);
            try {
                demo.replay(platform, ledger, started);
            } catch (RuntimeException e) {
                System.err.println("The replay failed: " + e.getMessage() + " (logs in " + DemoCommand.demoLayout(layout).logs() + ")");
                System.exit(1);
            }
            if (exit) {
                System.exit(0);
            }
            System.out.println("The platform stays up for you to look around: stop it with Ctrl-C or ./relance stop.");
            awaitQuietly(stopped);
            return 0;
        });
    }

    private int underLock(IntSupplier run) {
        try {
            Files.createDirectories(layout.home());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (FileChannel channel = FileChannel.open(layout.home().resolve("platform.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                System.err.println("Relance is already running from " + layout.home() + runningPid().map(p -> " (pid " + p + ")").orElse("")
                        + ". Stop it with ./relance stop, or see it with ./relance status.");
                return 1;
            }
            return run.getAsInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int runUntilStopped(boolean withPrometheus) {
        long started = System.nanoTime();
        System.out.println("Relance: data in " + layout.home());
        Platform platform;
        try {
            platform = Platform.start(layout, PlatformPorts.fixed(), step -> System.out.println("  " + step));
        } catch (RuntimeException e) {
            System.err.println("Relance did not start: " + e.getMessage());
            return 1;
        }
        LocalPrometheus prometheus = null;
        if (withPrometheus) {
            try {
                prometheus = LocalPrometheus.start(layout.projectRoot(), layout.home().resolve("prometheus"),
                        PROMETHEUS_PORT, platform.services(), Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                System.err.println("Prometheus did not start: " + e.getMessage());
                platform.close();
                return 1;
            }
        }
        CountDownLatch stopped = stopOnShutdown(platform, prometheus);
        System.out.printf(Locale.ROOT, "Relance is up in %.1f s.%n%n", (System.nanoTime() - started) / 1e9);
        printTable(platform.services().stream().map(s -> new Row(s.spec().name(), s.url(), s.pid(), true)).toList());
        System.out.println();
        System.out.println("  Kafka       " + platform.kafka().bootstrapServers());
        System.out.println("  PostgreSQL  127.0.0.1:" + platform.postgres().port() + " (user " + platform.postgres().username() + ")");
        System.out.println("  Mail        SMTP 127.0.0.1:" + platform.mail().port() + " (every e-mail is caught here)");
        if (prometheus != null) {
            System.out.println("  Prometheus  " + prometheus.url() + " (the committed alert rules; data in "
                    + layout.home().resolve("prometheus") + ")");
        }
        System.out.println("  Logs        " + layout.logs());
        System.out.println();
        System.out.println("Try: TOKEN=$(./relance token admin)");
        System.out.println("     curl -s -X PUT localhost:8081/customers/C-1 -H \"Authorization: Bearer $TOKEN\" "
                + "-H 'Content-Type: application/json' -d '{\"sourceSystem\":\"demo\",\"externalId\":\"C-1\",\"legalName\":\"ACME SAS\",\"language\":\"fr\","
                + "\"segment\":\"NEW\"}'");
        System.out.println("     curl -s -X POST localhost:8081/invoices -H \"Authorization: Bearer $TOKEN\" "
                + "-H 'Content-Type: application/json' -d '{\"customerId\":\"C-1\",\"number\":\"F-2026-0001\",\"amount\":\"1200.00\",\"currency\":\"EUR\","
                + "\"issueDate\":\"2026-03-02\",\"dueDate\":\"2026-04-01\"}'");
        System.out.println("     curl -s localhost:8084/kpis/receivables -H \"Authorization: Bearer $(./relance token manager)\"");
        System.out.println("Stop with Ctrl-C or ./relance stop.");
        awaitQuietly(stopped);
        return 0;
    }

    /** Records this launcher as the running platform and stops the platform when the JVM exits (Ctrl-C, stop). */
    private CountDownLatch stopOnShutdown(Platform platform, AutoCloseable... alongside) {
        try {
            Files.writeString(layout.launcherPid(), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping Relance…");
            for (AutoCloseable other : alongside) {
                closeQuietly(other);
            }
            platform.close();
            deleteQuietly(layout.launcherPid());
            System.out.println("Relance stopped.");
            stopped.countDown();
        }, "relance-stop"));
        return stopped;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("  could not stop " + closeable + ": " + e.getMessage());
        }
    }

    private static void awaitQuietly(CountDownLatch stopped) {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints a development bearer token for one role, for curl and scripts against the local platform. */
    private int token(String[] args) {
        if (args.length < 2 || !DevTokens.ROLES.contains(args[1])) {
            System.err.println("usage: ./relance token <" + String.join("|", DevTokens.ROLES.stream().sorted().toList())
                    + "> [hours, default 8]");
            return 2;
        }
        long hours;
        try {
            hours = args.length > 2 ? Long.parseLong(args[2]) : 8;
        } catch (NumberFormatException e) {
            System.err.println("hours must be a whole number, not '" + args[2] + "'");
            return 2;
        }
        if (hours < 1 || hours > 24 * 30) {
            System.err.println("hours must be between 1 and 720");
            return 2;
        }
        System.out.println(DevTokens.of(layout.projectRoot()).token(args[1], Duration.ofHours(hours)));
        return 0;
    }

    private int stop() {
        OptionalLong pid = runningPid().map(OptionalLong::of).orElse(OptionalLong.empty());
        if (pid.isEmpty()) {
            System.out.println("Relance is not running from " + layout.home() + ".");
            return 0;
        }
        ProcessHandle launcher = ProcessHandle.of(pid.getAsLong()).orElseThrow();
        System.out.println("Stopping Relance (pid " + pid.getAsLong() + ")…");
        launcher.destroy();
        try {
            launcher.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("Relance did not stop within " + STOP_TIMEOUT.toSeconds() + " s; killing it.");
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
            return 1;
        }
        System.out.println("Relance stopped.");
        return 0;
    }

    private int status() {
        if (runningPid().isEmpty() || !Files.exists(layout.processes())) {
            System.out.println("Relance is not running from " + layout.home() + ".");
            return 3;
        }
        try {
            List<Row> rows = Files.readAllLines(layout.processes()).stream()
                    .map(line -> line.split(" "))
                    .filter(parts -> parts[0].endsWith("-service"))
                    .map(parts -> {
                        String url = "http://127.0.0.1:" + parts[2];
                        return new Row(parts[0], url, Long.parseLong(parts[1]), RunningService.isReady(url));
                    }).toList();
            printTable(rows);
            return rows.stream().allMatch(Row::ready) ? 0 : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<Long> runningPid() {
        try {
            if (!Files.exists(layout.launcherPid())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(layout.launcherPid()).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private record Row(String service, String url, long pid, boolean ready) {
    }

    private static void printTable(List<Row> rows) {
        System.out.printf(Locale.ROOT, "  %-22s %-24s %-8s %-7s %s%n", "service", "url", "pid", "ready", "resident memory");
        for (Row row : rows) {
            OptionalLong rss = RunningService.residentMegabytes(row.pid());
            System.out.printf(Locale.ROOT, "  %-22s %-24s %-8d %-7s %s%n", row.service(), row.url(), row.pid(),
                    row.ready() ? "UP" : "DOWN", rss.isPresent() ? rss.getAsLong() + " MB" : "?");
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort during shutdown: a stale pid file is detected as stale on the next start.
        }
    }
}
