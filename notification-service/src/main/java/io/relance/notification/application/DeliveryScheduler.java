package io.relance.notification.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Runs a dispatch round periodically; rounds never overlap within an instance, instances skip each other's rows. */
@ApplicationScoped
public class DeliveryScheduler {

    private static final Logger LOG = Logger.getLogger(DeliveryScheduler.class);

    private final DispatchDeliveries dispatch;

    DeliveryScheduler(DispatchDeliveries dispatch) {
        this.dispatch = dispatch;
    }

    @Scheduled(every = "{relance.notification.dispatch.every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dispatchDue() {
        return dispatch.dispatchDue()
                .onFailure().invoke(e -> LOG.warnf("dispatch round failed, retried next round: %s", e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
