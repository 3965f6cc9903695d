package io.relance.delivery;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a reactive task again {@code interval} after each run has ended, never two runs at once, each on a fresh
 * safe Vert.x context (as Hibernate Reactive wants). Unlike {@code @Scheduled}, whose scheduler checks its triggers
 * once a second, the interval may be a few milliseconds: the outbox relay, the dunning sweep and the delivery
 * dispatch use it to act within tens of milliseconds when asked to, and {@link #runNow()} when something happened.
 */
public final class Repeater {

    private static final Logger LOG = Logger.getLogger(Repeater.class);

    private final Vertx vertx;
    private final Context home;
    private final String name;
    private final Duration interval;
    private final Supplier<Uni<?>> task;
    private volatile boolean stopped;
    private boolean running;
    private boolean again;
    private long timer = -1;

    private Repeater(Vertx vertx, String name, Duration interval, Supplier<Uni<?>> task) {
        this.vertx = vertx;
        // One event-loop context owns the state below: every change to it runs there.
        this.home = vertx.getOrCreateContext();
        this.name = name;
        this.interval = interval;
        this.task = task;
    }

    /** Starts running {@code task} after {@code initialDelay}, then {@code interval} after each run. */
    public static Repeater start(Vertx vertx, String name, Duration initialDelay, Duration interval,
                                 Supplier<Uni<?>> task) {
        Repeater repeater = new Repeater(vertx, name, interval, task);
        repeater.home.runOnContext(ignored -> repeater.schedule(initialDelay));
        return repeater;
    }

    public void stop() {
        stopped = true;
    }

    /** Runs the task as soon as possible: now, or right after the run in progress. Callable from any thread. */
    public void runNow() {
        home.runOnContext(ignored -> {
            if (running) {
                again = true;
            } else {
                vertx.cancelTimer(timer);
                run();
            }
        });
    }

    private void schedule(Duration delay) {
        if (!stopped) {
            timer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> run());
        }
    }

    private void finished() {
        home.runOnContext(ignored -> {
            running = false;
            if (again) {
                again = false;
                run();
            } else {
                schedule(interval);
            }
        });
    }

    private void run() {
        if (stopped || running) {
            return;
        }
        running = true;
        Context context = VertxContext.createNewDuplicatedContext(home);
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(task)
                .subscribe().with(
                        done -> finished(),
                        failure -> {
                            LOG.warnf("%s failed, runs again in %d ms: %s", name, interval.toMillis(), failure.toString());
                            finished();
                        }));
    }
}
