package io.relance.payment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "relance.payment")
public interface PaymentConfig {

    /** Largest bank statement file accepted, in bytes; a larger one is refused before it is parsed. */
    @WithDefault("5242880")
    int statementMaxBytes();
}
