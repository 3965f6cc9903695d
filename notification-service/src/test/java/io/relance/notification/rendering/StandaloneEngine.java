package io.relance.notification.rendering;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Variant;

import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Qute as Quarkus configures it for templates/ (escaping by suffix, standalone lines removed), without Quarkus. */
final class StandaloneEngine {

    private StandaloneEngine() {
    }

    static Engine create() {
        return Engine.builder()
                .addDefaults()
                .addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .removeStandaloneLines(true)
                .strictRendering(true)
                .addLocator(StandaloneEngine::locate)
                .build();
    }

    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        URL url = StandaloneEngine.class.getClassLoader().getResource("templates/" + id);
        if (url == null) {
            return Optional.empty();
        }
        String contentType = id.endsWith(".html") ? Variant.TEXT_HTML : "text/plain";
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                try {
                    return new InputStreamReader(url.openStream(), StandardCharsets.UTF_8);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(new Variant(Locale.ROOT, contentType, "UTF-8"));
            }
        });
    }
}
