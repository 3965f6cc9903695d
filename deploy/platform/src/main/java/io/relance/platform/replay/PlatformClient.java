package io.relance.platform.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import io.relance.platform.Platform;
import io.relance.platform.RunningService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to the platform's services, with an admin development token. Each call goes to the service's first
 * live instance at that moment, so that a client keeps working on the survivors when an instance is killed.
 */
public final class PlatformClient {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final Platform platform;
    private final String token;

    public PlatformClient(Platform platform) {
        this.platform = platform;
        this.token = platform.tokens().token("admin", Duration.ofHours(12));
    }

    /** A 2xx answer's JSON; any other status is an error naming the call and the answer. */
    public JsonNode get(String service, String path) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).GET(), path);
    }

    /** The same from one given instance. */
    public JsonNode get(RunningService instance, String path) {
        return send(instance.name(), HttpRequest.newBuilder(URI.create(instance.url() + path)).GET(), path);
    }

    public JsonNode post(String service, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(service, path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body)));
        headers.forEach(request::header);
        return send(service, request, path);
    }

    /** The raw text of a GET without a token (health and metrics pages). */
    public String text(String service, String path) {
        return text(platform.instance(service), path);
    }

    /** The same from one given instance. */
    public String text(RunningService instance, String path) {
        HttpResponse<String> response = call(HttpRequest.newBuilder(URI.create(instance.url() + path)).GET()
                .timeout(TIMEOUT).build());
        return response.body();
    }

    private JsonNode send(String service, HttpRequest.Builder request, String path) {
        HttpResponse<String> response = call(request.header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(TIMEOUT).build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(service + " answered " + response.statusCode() + " to "
                    + request.build().method() + " " + path + ": " + response.body());
        }
        try {
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private URI uri(String service, String path) {
        return URI.create(platform.instance(service).url() + path);
    }

    static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
