package io.relance.dunning.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

@ConfigMapping(prefix = "relance.dunning")
public interface DunningConfig {

    /** Time zone of the business day: a step due on a date falls due at midnight there. */
    @WithDefault("Europe/Paris")
    ZoneId zone();

    /** Whether this instance sweeps on its schedule; tests sweep by hand on the days they choose. */
    @WithDefault("true")
    boolean sweepEnabled();

    /** Pause between two sweeps, e.g. {@code 30s}; may be below a second (a replay sweeps every 100 ms). */
    @WithDefault("30s")
    Duration sweepEvery();

    /**
     * Local time from which the day's reminders go out: a sweep before it covers the day before, so that the
     * morning's facts (the overnight bank statement, the day's disputes) are in before anyone is chased.
     */
    @WithDefault("09:00")
    LocalTime sendFrom();

    /** Customers claimed and evaluated in one sweep transaction. */
    @WithDefault("200")
    int sweepBatchSize();

    /** Days after a promised date before an unkept promise counts as broken. */
    @WithDefault("3")
    int promiseGraceDays();

    /** Days after an instalment's date before it counts as missed. */
    @WithDefault("3")
    int planGraceDays();

    /** Days a dispute may stay open before it appears on the collectors' worklist; {@code GET /worklist} may override. */
    @WithDefault("14")
    int worklistDisputeDays();

    /** Late-payment reference rates by half-year, keyed like {@code 2026-H1}. */
    Map<String, HalfYearRates> lateRates();

    /** The two published rates of one half-year, in percent. */
    interface HalfYearRates {

        /** ECB main refinancing rate in force on the half-year's first day. */
        BigDecimal ecb();

        /** French legal interest rate for professional creditors; absent until it is published. */
        Optional<BigDecimal> legal();
    }
}
