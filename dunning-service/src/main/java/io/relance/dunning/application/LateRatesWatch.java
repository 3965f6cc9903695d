package io.relance.dunning.application;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.relance.dunning.config.BusinessClock;
import io.relance.dunning.domain.HalfYear;
import io.relance.dunning.domain.LatePaymentRates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Says when the current half-year is charged at rates published for an earlier one: a gauge
 * ({@code relance_dunning_late_rates_carried_over}, 1 while it is) and one warning per half-year, at start-up and
 * from the sweep, until the table in the configuration is completed.
 */
@ApplicationScoped
public class LateRatesWatch {

    private static final Logger LOG = Logger.getLogger(LateRatesWatch.class);

    private final LatePaymentRates rates;
    private final BusinessClock clock;
    private final AtomicReference<HalfYear> warnedFor = new AtomicReference<>();

    LateRatesWatch(LatePaymentRates rates, BusinessClock clock, MeterRegistry registry) {
        this.rates = rates;
        this.clock = clock;
        Gauge.builder("relance.dunning.late.rates.carried.over", this, w -> w.gaps().isEmpty() ? 0 : 1)
                .description("1 while the current half-year's late-payment interest uses a rate published for an "
                        + "earlier half-year (relance.dunning.late-rates is missing it)")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        warnOncePerHalfYear();
    }

    /** Logs the gaps of the current half-year the first time they are seen in it. */
    void warnOncePerHalfYear() {
        HalfYear current = HalfYear.of(clock.today());
        List<String> gaps = gaps();
        if (!gaps.isEmpty() && !current.equals(warnedFor.getAndSet(current))) {
            LOG.warnf("late-payment rates of %s are not configured yet: %s; add relance.dunning.late-rates.\"%s\" "
                    + "once published", current, String.join("; ", gaps), current);
        }
    }

    private List<String> gaps() {
        return rates.carriedOver(HalfYear.of(clock.today()));
    }
}
