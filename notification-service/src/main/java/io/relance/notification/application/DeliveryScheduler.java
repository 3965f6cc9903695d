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

/** Runs a dispatch round every {@code dispatch.every} after the last; rounds never overlap within an instance, instances skip each other's rows. */
@ApplicationScoped
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class);

    private final DispatchDeliveries dispatch;
    private final NotificationConfig config;
    private Repeater repeater;

    DeliveryScheduler(DispatchDeliveries dispatch, NotificationConfig config) {
        this.dispatch = dispatch;
        this.config = config;
    }

    /** Dispatches every {@code dispatch.every}, at once when a replay moves the clock, and after each new request. */
    void start(@Observes StartupEvent event, Vertx vertx, PlatformClock platformClock) {
        repeater = Repeater.start(vertx, "delivery dispatch", Duration.ofSeconds(1), config.dispatch().every(),
                this::dispatchDue);
        platformClock.onAdvance(repeater::runNow);
    }

    /** Something became due: a dispatch round runs now rather than at the next interval. */
    public void dispatchSoon() {
        if (repeater != null) {
            repeater.runNow();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (repeater != null) {
            repeater.stop();
        }
    }

    Uni<Void> dispatchDue() {
        return dispatch.dispatchDue()
                .onFailure().invoke(e -> LOG.warnf("dispatch round failed, retried next round: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
