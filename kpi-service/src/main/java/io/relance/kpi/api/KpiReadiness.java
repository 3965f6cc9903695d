package io.relance.kpi.api;

import io.relance.kpi.application.ReadinessRules;
import io.relance.kpi.messaging.PartitionCopies;
import io.relance.kpi.messaging.StreamsReadiness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness: UP only when a request on this instance gets correct, current figures ({@link ReadinessRules}). It is
 * not liveness: a broker outage makes the instance unready, and Kubernetes must not restart it for that.
 */
@Readiness
@ApplicationScoped
public class KpiReadiness implements HealthCheck {

    private final StreamsReadiness readiness;
    private final PartitionCopies copies;

    KpiReadiness(StreamsReadiness readiness, PartitionCopies copies) {
        this.readiness = readiness;
        this.copies = copies;
    }

    @Override
    public HealthCheckResponse call() {
        // One decision for the verdict and what it says of it, as for a query.
        return copies.consistently(this::check);
    }

    private HealthCheckResponse check() {
        ReadinessRules.Verdict verdict = readiness.whole();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("KPI figures can be served").status(verdict.ready())
                .withData("reads", copies.readsEveryPartitionHere() ? "every partition here"
                        : "this instance's active partitions here, the others from its peers");
        for (int i = 0; i < verdict.reasons().size(); i++) {
            response.withData("reason" + (i + 1), verdict.reasons().get(i));
        }
        return response.build();
    }
}
