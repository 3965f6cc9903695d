package io.relance.platform;

import java.nio.file.Path;

/** Where the local platform keeps its data, logs and process ids, all under one folder. */
public record PlatformLayout(Path projectRoot, Path home) {

    public Path kafka() {
        return home.resolve("kafka");
    }

    public Path postgres() {
        return home.resolve("postgres");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path log(String service) {
        return logs().resolve(service + ".log");
    }

    public Path kpiState() {
        return kpiState(1);
    }

    /** The state directory of one kpi-service instance: each instance keeps its own Kafka Streams state. */
    public Path kpiState(int instance) {
        return home.resolve(instance == 1 ? "kpi-state" : "kpi-state-" + instance);
    }

    /** Holds the launcher's pid while a platform runs from this folder. */
    public Path launcherPid() {
        return home.resolve("platform.pid");
    }

    /** Holds "service pid port" lines, for the status and stop commands. */
    public Path processes() {
        return home.resolve("processes");
    }
}
