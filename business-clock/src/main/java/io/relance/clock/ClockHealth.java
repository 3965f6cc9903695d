package io.relance.clock;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.time.Clock;
import java.util.Locale;

/**
 * {@code GET /q/health/group/business-clock}: the business time this instance reads as now, so that a replay can
 * see every service follow its tick without parsing the whole metrics page.
 */
@HealthGroup("business-clock")
@ApplicationScoped
public class ClockHealth implements HealthCheck {

    private final Clock clock;
    private final ClockConfig config;

    ClockHealth(Clock clock, ClockConfig config) {
        this.clock = clock;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("business-clock").up()
                .withData("mode", config.mode().name().toLowerCase(Locale.ROOT))
                .withData("now", clock.instant().toString())
                .build();
    }
}
