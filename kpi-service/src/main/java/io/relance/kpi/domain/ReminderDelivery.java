package io.relance.kpi.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A reminder handed over on one channel on {@code sentOn}, at {@code cost}. */
public record ReminderDelivery(LocalDate sentOn, String channel, BigDecimal cost, String currency) {
}
