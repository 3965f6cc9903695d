package io.relance.contracts.clock;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * The platform's business clock moved: from now on every service reads {@code now} as the current time. Published
 * only in replay mode, by the replay tool, on the one-partition topic {@code business-clock}; in normal mode every
 * service reads the system clock and nobody publishes here. Not an event: it has no event id, and only the latest
 * tick matters (the topic is compacted, key {@code platform}).
 *
 * @param now the business time, never earlier than the previous tick's
 */
public record ClockTick(Instant now) {

    /** The record key of every tick: one clock for the whole platform. */
    public static final String KEY = "platform";

    public ClockTick {
        requireNonNull(now, "now");
    }
}
