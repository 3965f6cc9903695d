package io.relance.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** Loopback ports of the platform: fixed for the local run, free ones for tests. */
public record PlatformPorts(int kafka, int postgres, int smtp, Map<String, Integer> services) {

    public static final int KAFKA = 19092;
    public static final int POSTGRES = 15432;
    /** The local mail catcher, where notification-service sends by default (RELANCE_SMTP_PORT). */
    public static final int SMTP = 1025;

    public static PlatformPorts fixed() {
        Map<String, Integer> services = new LinkedHashMap<>();
        ServiceSpec.ALL.forEach(spec -> services.put(spec.name(), spec.defaultPort()));
        return new PlatformPorts(KAFKA, POSTGRES, SMTP, services);
    }

    public int of(String service) {
        Integer port = services.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for " + service);
        }
        return port;
    }
}
