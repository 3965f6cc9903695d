package io.relance.platform;

import io.relance.servers.FreePorts;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One platform for every end-to-end test class of the JVM, started as {@code ./relance start} starts it (packaged
 * services, real broker and database) on free ports, and stopped after the last class. Inject it as a
 * {@link Platform} parameter of a {@code @BeforeAll} method. Its services send their traces to an
 * {@link OtlpReceiver}, injected the same way: tracing on is how an operator runs them, and it costs the other
 * tests next to nothing (spans are exported in batches every few seconds).
 */
public final class SharedPlatform implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedPlatform.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        started(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Platform.class || type == OtlpReceiver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Started started = started(context);
        return parameter.getParameter().getType() == OtlpReceiver.class ? started.traces : started.platform;
    }

    private static Started started(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("platform", key -> Started.start(), Started.class);
    }

    /** Starts a platform in a fresh folder, on free ports. */
    static Platform startFresh() {
        return startFresh(Map.of());
    }

    /** Starts a platform in a fresh folder, on free ports, with {@code environment} added to every service's. */
    static Platform startFresh(Map<String, String> environment) {
        try {
            Path root = Path.of(System.getProperty("relance.root")).toAbsolutePath().normalize();
            Path home = Files.createTempDirectory("relance-e2e-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Map<String, Integer> servicePorts = new LinkedHashMap<>();
            ServiceSpec.ALL.forEach(spec -> servicePorts.put(spec.name(), FreePorts.find()));
            PlatformPorts ports = new PlatformPorts(FreePorts.find(), FreePorts.find(), FreePorts.find(), servicePorts);
            Platform platform = Platform.start(new PlatformLayout(root, home), ports,
                    step -> System.out.println("[platform] " + step), environment);
            platform.services().forEach(service -> System.out.printf("[platform] %s resident memory: %s MB%n",
                    service.spec().name(), RunningService.residentMegabytes(service.pid())));
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Started implements ExtensionContext.Store.CloseableResource {

        private final OtlpReceiver traces;
        private final Platform platform;

        private Started(OtlpReceiver traces, Platform platform) {
            this.traces = traces;
            this.platform = platform;
        }

        static Started start() {
            OtlpReceiver traces = OtlpReceiver.start();
            try {
                return new Started(traces, startFresh(Map.of("RELANCE_TRACING_OTLP_ENDPOINT", traces.endpoint())));
            } catch (RuntimeException e) {
                traces.close();
                throw e;
            }
        }

        @Override
        public void close() {
            platform.close();
            traces.close();
        }
    }
}
