package io.relance.clock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Where a service reads "now" from: {@code relance.clock.mode=system} (default) or {@code replay}. */
@ConfigMapping(prefix = "relance.clock")
public interface ClockConfig {

    enum Mode {
        /** The system clock: normal operation. */
        SYSTEM,
        /** The latest tick on the business-clock topic, which a replay advances day by day. */
        REPLAY
    }

    @WithDefault("system")
    Mode mode();

    /** In replay mode, how long start-up waits for the first tick before it fails. */
    @WithDefault("60s")
    Duration firstTickTimeout();
}
