package io.relance.dunning.config;

import io.relance.dunning.domain.DunningEngine;
import io.relance.dunning.domain.DunningRuleViolation;
import io.relance.dunning.domain.FrenchBusinessCalendar;
import io.relance.dunning.domain.HalfYear;
import io.relance.dunning.domain.LatePaymentCharges;
import io.relance.dunning.domain.LatePaymentRates;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/** Builds the engine from the configured rate table. */
public class EngineProducer {

    @Produces
    @Singleton
    LatePaymentRates rates(DunningConfig config) {
        Map<HalfYear, LatePaymentRates.Rates> table = new HashMap<>();
        config.lateRates().forEach((key, rates) -> table.put(halfYear(key),
                new LatePaymentRates.Rates(rates.ecb(), rates.legal().orElse(null))));
        return new LatePaymentRates(table);
    }

    @Produces
    @Singleton
    DunningEngine engine(LatePaymentRates rates) {
        return new DunningEngine(new FrenchBusinessCalendar(), new LatePaymentCharges(rates));
    }

    private static HalfYear halfYear(String key) {
        if (!key.matches("\\d{4}-H[12]")) {
            throw new DunningRuleViolation("relance.dunning.late-rates." + key, "must be keyed like 2026-H1");
        }
        return new HalfYear(Integer.parseInt(key.substring(0, 4)), key.charAt(6) - '0');
    }
}
