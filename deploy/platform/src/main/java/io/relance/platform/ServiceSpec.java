package io.relance.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** One of the five services: its name (folder, artifact, application name), port and database. */
public record ServiceSpec(String name, int defaultPort, Optional<String> database) {

    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("invoice-service", 8081, Optional.of("invoice_service")),
            new ServiceSpec("dunning-service", 8082, Optional.of("dunning_service")),
            new ServiceSpec("payment-service", 8083, Optional.of("payment_service")),
            new ServiceSpec("kpi-service", 8084, Optional.empty()),
            new ServiceSpec("notification-service", 8085, Optional.of("notification_service")));

    public static ServiceSpec named(String name) {
        return ALL.stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    /** The packaged service, as `./mvnw install` leaves it in the service's folder. */
    public Path runner(Path projectRoot) {
        return projectRoot.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
