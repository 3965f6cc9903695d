package io.relance.delivery;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TracingConfigInterceptorTest {

    @Test
    void withTheEndpointSetTheSdkIsEnabledAndExportsThereOverHttp() {
        SmallRyeConfig config = config(Map.of(TracingConfigInterceptor.ENDPOINT, "http://collector:4318"));

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class)).isEqualTo("http://collector:4318");
        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.protocol", String.class)).isEqualTo("http/protobuf");
    }

    @Test
    void withoutTheEndpointTheSdkIsDisabledWhateverItsOwnDefaultSays() {
        SmallRyeConfig config = config(Map.of());

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
        assertThat(config.getOptionalValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class)).isEmpty();
    }

    @Test
    void aBlankEndpointLeavesTracingOff() {
        assertThat(config(Map.of(TracingConfigInterceptor.ENDPOINT, " ")).getValue("quarkus.otel.sdk.disabled", Boolean.class))
                .isTrue();
    }

    @Test
    void theEndpointCanComeFromTheEnvironmentVariableNamedAfterTheProperty() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new EnvConfigSource(Map.of("RELANCE_TRACING_OTLP_ENDPOINT", "http://127.0.0.1:4318"), 300))
                .withInterceptors(new TracingConfigInterceptor())
                .withDefaultValue("quarkus.otel.sdk.disabled", "false")
                .build();

        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isFalse();
        assertThat(config.getValue("quarkus.otel.exporter.otlp.traces.endpoint", String.class)).isEqualTo("http://127.0.0.1:4318");
    }

    @Test
    void otherPropertiesAreUntouched() {
        assertThat(config(Map.of("quarkus.application.name", "invoice-service")).getValue("quarkus.application.name", String.class))
                .isEqualTo("invoice-service");
    }

    /** Quarkus's own default for the SDK is enabled; the interceptor must win over it. */
    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 250))
                .withInterceptors(new TracingConfigInterceptor())
                .withDefaultValue("quarkus.otel.sdk.disabled", "false")
                .build();
    }
}
