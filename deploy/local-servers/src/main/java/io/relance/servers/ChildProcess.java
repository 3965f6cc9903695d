package io.relance.servers;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A server running as a child process of this JVM, its output appended to a log file.
 *
 * <p>It dies with the JVM: a shutdown hook stops it gracefully, and a watchdog process, whose standard input is a
 * pipe from this JVM, signals it when that pipe closes, which also happens when the JVM is killed with SIGKILL.
 * A handle made by {@link #attach} only points at a server that another class loader of this JVM owns.
 */
public final class ChildProcess {

    private static final int LOG_TAIL_LINES = 40;
    private static final int LOG_TAIL_BYTES = 16 * 1024;
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    // Reads until this JVM closes the pipe (it exited or died), then stops the server, and kills it if it lingers.
    private static final String WATCHDOG_SCRIPT = "read -r line; kill -s \"$1\" \"$2\"; n=0; "
            + "while [ $n -lt 10 ] && kill -0 \"$2\"; do sleep 1; n=$((n + 1)); done; "
            + "[ $n -lt 10 ] || kill -s KILL \"$2\"";

    private final String name;
    private final Process process;
    private final Path log;
    private final String stopSignal;
    private final Duration stopTimeout;
    private final Thread shutdownHook;
    private volatile ProcessHandle server;
    private Process watchdog;

    private ChildProcess(String name, Process process, ProcessHandle server, Path log, String stopSignal,
            Duration stopTimeout) {
        this.name = name;
        this.process = process;
        this.server = server;
        this.log = log;
        this.stopSignal = stopSignal;
        this.stopTimeout = stopTimeout;
        this.shutdownHook = process == null ? null : new Thread(this::stop, name + " shutdown");
    }

    /**
     * Starts {@code command} in {@code workDir}, its standard output and error appended to {@code log}.
     * {@code stopSignal} is the signal for a graceful stop (TERM, or INT for PostgreSQL's fast shutdown).
     */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log, String stopSignal,
            Duration stopTimeout) {
        return start(name, command, workDir, log, stopSignal, stopTimeout, Map.of());
    }

    /** As {@link #start(String, List, Path, Path, String, Duration)}, with {@code environment} added to this JVM's. */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log, String stopSignal,
            Duration stopTimeout, Map<String, String> environment) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            process = builder
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + String.join(" ", command), e);
        }
        ChildProcess child = new ChildProcess(name, process, process.toHandle(), log, stopSignal, stopTimeout);
        Runtime.getRuntime().addShutdownHook(child.shutdownHook);
        return child;
    }

    /** A handle on a server that another class loader of this JVM started and will stop. */
    static ChildProcess attach(String name, long pid) {
        ProcessHandle handle = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException(name + " (pid " + pid + ") is no longer running"));
        return new ChildProcess(name, null, handle, null, null, null);
    }

    /**
     * Adopts {@code serverPid} as the server to signal (the process itself, or the server below a wrapper such as
     * runuser) and starts the watchdog that stops it if this JVM dies.
     */
    public synchronized void watch(long serverPid) {
        requireOwned("watch");
        server = ProcessHandle.of(serverPid)
                .orElseThrow(() -> new IllegalStateException(name + " (pid " + serverPid + ") exited"));
        try {
            watchdog = new ProcessBuilder("sh", "-c", WATCHDOG_SCRIPT, "relance-watchdog", stopSignal,
                    Long.toString(serverPid))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the watchdog of " + name, e);
        }
    }

    public long pid() {
        return server.pid();
    }

    public boolean isAlive() {
        return process == null ? server.isAlive() : process.isAlive();
    }

    Optional<Integer> exitCode() {
        return process == null || process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    /** Sends the graceful stop signal, waits for the exit, and kills the process tree if it does not come. */
    public synchronized void stop() {
        requireOwned("stop");
        unregister();
        if (!process.isAlive()) {
            return;
        }
        signal(server, stopSignal);
        if (!await(process, stopTimeout) || !await(server, stopTimeout)) {
            killTree();
        }
    }

    /** Kills the server and everything it started with SIGKILL, as a crash or the OOM killer would. */
    public synchronized void kill() {
        requireOwned("kill");
        unregister();
        killTree();
    }

    /** The last lines of the log, for error messages. */
    public String logTail() {
        return tail(log);
    }

    static String tail(Path file) {
        if (file == null || !Files.exists(file)) {
            return "(no log at " + file + ")";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long start = Math.max(0, channel.size() - LOG_TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            int read = 0;
            while (buffer.hasRemaining() && read >= 0) {
                read = channel.read(buffer);
            }
            List<String> lines = Arrays.asList(new String(buffer.array(), 0, buffer.position(), UTF_8).split("\n"));
            List<String> last = lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
            return "last lines of " + file + ":\n" + String.join("\n", last);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }

    private void killTree() {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(process.toHandle());
        process.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle handle : tree) {
            if (!await(handle, KILL_TIMEOUT)) {
                throw new IllegalStateException(name + " process " + handle.pid() + " survived SIGKILL for "
                        + KILL_TIMEOUT.toSeconds() + " s");
            }
        }
    }

    // Cancels the watchdog before any signal, so that it never fires at a pid the kernel has handed out again.
    private void unregister() {
        if (watchdog != null) {
            watchdog.destroyForcibly();
            await(watchdog, KILL_TIMEOUT);
            watchdog = null;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shutdownInProgress) {
            // This is the hook itself, or another one, running: nothing left to unregister.
        }
    }

    private void requireOwned(String action) {
        if (process == null) {
            throw new IllegalStateException("Cannot " + action + " " + name + " (pid " + server.pid()
                    + "): another class loader of this JVM started it and owns its lifecycle");
        }
    }

    private static void signal(ProcessHandle handle, String signal) {
        if ("TERM".equals(signal)) {
            handle.destroy();
            return;
        }
        try {
            new ProcessBuilder("sh", "-c", "kill -s \"$0\" \"$1\"", signal, Long.toString(handle.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not send SIG" + signal + " to " + handle.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + handle.pid(), e);
        }
    }

    private static boolean await(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // Polls: onExit() of a non-child checks once a second; zombies count as alive, as PostgreSQL's pid check sees them.
    private static boolean await(ProcessHandle handle, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (handle.isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
