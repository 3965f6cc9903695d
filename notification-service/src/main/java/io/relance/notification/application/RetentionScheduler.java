package io.relance.notification.application;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.relance.clock.PlatformClock;
import io.relance.delivery.Repeater;
import io.relance.notification.config.NotificationConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/** Purges delivered messages every {@code retention.purge-every}, and at once when a replay moves the clock. */
@ApplicationScoped
public class RetentionScheduler {

    private static final Logger LOG = Logger.getLogger(RetentionScheduler.class);

    private final PurgeDeliveredMessages purge;
    private final NotificationConfig config;
    private Repeater repeater;

    RetentionScheduler(PurgeDeliveredMessages purge, NotificationConfig config) {
        this.purge = purge;
        this.config = config;
    }

    void start(@Observes StartupEvent event, Vertx vertx, PlatformClock platformClock) {
        repeater = Repeater.start(vertx, "delivered-message purge", Duration.ofSeconds(5),
                config.retention().purgeEvery(), this::purgeNow);
        platformClock.onAdvance(repeater::runNow);
    }

    void stop(@Observes ShutdownEvent event) {
        if (repeater != null) {
            repeater.stop();
        }
    }

    Uni<Void> purgeNow() {
        return purge.purge()
                .invoke(purged -> {
                    if (purged.deliveries() > 0 || purged.letters() > 0) {
                        LOG.infof("retention: %d deliveries blanked, %d letters deleted", purged.deliveries(),
                                purged.letters());
                    }
                })
                .onFailure().invoke(e -> LOG.warnf("retention purge failed, retried next round: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
