package io.relance.dunning.application;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.config.DunningConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Runs the sweep for the business day of the injected clock; a sweep still running is not overlapped. */
@ApplicationScoped
class SweepScheduler {

    private static final Logger LOG = Logger.getLogger(SweepScheduler.class);

    private final SweepDueActions sweep;
    private final BusinessClock clock;
    private final LateRatesWatch rates;

    SweepScheduler(SweepDueActions sweep, BusinessClock clock, LateRatesWatch rates) {
        this.sweep = sweep;
        this.clock = clock;
        this.rates = rates;
    }

    @Scheduled(every = "${relance.dunning.sweep-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SweepDisabled.class)
    Uni<Void> sweepToday() {
        rates.warnOncePerHalfYear();
        return sweep.sweep(clock.today())
                .invoke(o -> {
                    if (o.reminders() + o.escalations() > 0) {
                        LOG.infof("sweep of %s: %d customers, %d reminders, %d escalations", clock.today(),
                                o.customers(), o.reminders(), o.escalations());
                    }
                })
                .replaceWithVoid();
    }

    @Singleton
    static class SweepDisabled implements Scheduled.SkipPredicate {

        private final DunningConfig config;

        SweepDisabled(DunningConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.sweepEnabled();
        }
    }
}
