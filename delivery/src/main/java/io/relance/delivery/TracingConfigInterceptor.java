package io.relance.delivery;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;

import java.util.Map;

/**
 * Tracing is on exactly when {@value #ENDPOINT} (environment {@code RELANCE_TRACING_OTLP_ENDPOINT}) names an
 * OTLP/HTTP collector: one setting enables the OpenTelemetry SDK and points its span exporter there. Unset, the SDK
 * is disabled, so no exporter runs and nothing tries to reach a collector. Registered through META-INF/services.
 */
public class TracingConfigInterceptor implements ConfigSourceInterceptor {

    /** The one tracing setting: the collector's OTLP/HTTP base URL, for example {@code http://collector:4318}. */
    public static final String ENDPOINT = "relance.tracing.otlp-endpoint";

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    static final String TRACES_ENDPOINT = "quarkus.otel.exporter.otlp.traces.endpoint";
    static final String TRACES_PROTOCOL = "quarkus.otel.exporter.otlp.traces.protocol";

    private static final String SOURCE = TracingConfigInterceptor.class.getSimpleName() + " (from " + ENDPOINT + ")";

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        if (!SDK_DISABLED.equals(name) && !TRACES_ENDPOINT.equals(name) && !TRACES_PROTOCOL.equals(name)) {
            return context.proceed(name);
        }
        String endpoint = endpoint(context);
        Map<String, String> derived = endpoint == null
                ? Map.of(SDK_DISABLED, "true")
                : Map.of(SDK_DISABLED, "false", TRACES_ENDPOINT, endpoint, TRACES_PROTOCOL, "http/protobuf");
        String value = derived.get(name);
        if (value == null) {
            return context.proceed(name);
        }
        return new ConfigValue.ConfigValueBuilder().withName(name).withValue(value).withRawValue(value)
                .withConfigSourceName(SOURCE).withConfigSourceOrdinal(Integer.MAX_VALUE).build();
    }

    private static String endpoint(ConfigSourceInterceptorContext context) {
        ConfigValue value = context.proceed(ENDPOINT);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue().trim();
    }
}
