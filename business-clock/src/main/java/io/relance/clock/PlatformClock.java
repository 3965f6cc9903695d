package io.relance.clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/**
 * The one clock every service reads "now" from: the system clock, or in replay mode the platform's business clock
 * (the latest tick on the business-clock topic). Services inject {@link Clock}; a test may replace it with an
 * {@code @Alternative}.
 */
@Singleton
public class PlatformClock {

    private final ClockConfig config;
    private final String bootstrapServers;
    private final String applicationName;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private Clock clock;

    PlatformClock(ClockConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                  @ConfigProperty(name = "quarkus.application.name") String applicationName, ObjectMapper mapper,
                  MeterRegistry registry) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.applicationName = applicationName;
        this.mapper = mapper;
        this.registry = registry;
    }

    /** Reads the first tick at start-up, in replay mode, rather than on the event loop of a first request. */
    void start(@Observes StartupEvent event) {
        current();
    }

    void stop(@Observes ShutdownEvent event) {
        if (clock instanceof ReplayClock replay) {
            replay.close();
        }
    }

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return current();
    }

    /**
     * Runs {@code listener} (on the clock's own thread: hand work over, don't block) each time the replay moves the
     * business clock forward; never in system mode, where time flows by itself.
     */
    public void onAdvance(Runnable listener) {
        if (current() instanceof ReplayClock replay) {
            replay.onAdvance(listener);
        }
    }

    private synchronized Clock current() {
        if (clock == null) {
            clock = config.mode() == ClockConfig.Mode.REPLAY
                    ? ReplayClock.follow(bootstrapServers, applicationName + "-clock", mapper, config.firstTickTimeout())
                    : Clock.systemUTC();
            Clock read = clock;
            Gauge.builder("relance.business.clock", () -> read.millis() / 1000.0)
                    .description("Business time this instance reads as now (the replay's clock in replay mode)")
                    .baseUnit("seconds")
                    .register(registry);
        }
        return clock;
    }
}
