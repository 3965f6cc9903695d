package io.relance.dunning.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.relance.clock.PlatformClock;
import io.relance.delivery.Repeater;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.config.DunningConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

/** Runs the sweep for the sending day of the injected clock every {@code sweep-every}; sweeps never overlap. */
@ApplicationScoped
class SweepScheduler {

    private static final Logger LOG = Logger.getLogger(SweepScheduler.class);

    private final SweepDueActions sweep;
    private final BusinessClock clock;
    private final LateRatesWatch rates;
    private final DunningConfig config;
    private final AtomicLong sweptThrough = new AtomicLong();
    private Repeater repeater;

    SweepScheduler(SweepDueActions sweep, BusinessClock clock, LateRatesWatch rates, DunningConfig config,
                   MeterRegistry registry) {
        this.sweep = sweep;
        this.clock = clock;
        this.rates = rates;
        this.config = config;
        Gauge.builder("relance.dunning.swept.through", sweptThrough, AtomicLong::get)
                .description("Business time at which this instance's last completed sweep started: everything due "
                        + "by then has been requested")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Sweeps every {@code sweep-every}, and at once whenever a replay moves the business clock. */
    void start(@Observes StartupEvent event, Vertx vertx, PlatformClock platformClock) {
        if (config.sweepEnabled()) {
            repeater = Repeater.start(vertx, "dunning sweep", Duration.ofSeconds(5), config.sweepEvery(), this::sweepDueDay);
            platformClock.onAdvance(repeater::runNow);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (repeater != null) {
            repeater.stop();
        }
    }

    /** Sweeps the latest business day whose reminders may go out (see {@link BusinessClock#sendingDay()}). */
    Uni<Void> sweepDueDay() {
        rates.warnOncePerHalfYear();
        Instant startedAt = clock.now();
        LocalDate day = clock.sendingDay(startedAt);
        return sweep.sweep(day)
                .invoke(o -> {
                    sweptThrough.set(startedAt.getEpochSecond());
                    if (o.reminders() + o.escalations() > 0) {
                        LOG.infof("sweep of %s: %d customers, %d reminders, %d escalations", day,
                                o.customers(), o.reminders(), o.escalations());
                    }
                })
                .replaceWithVoid();
    }
}
