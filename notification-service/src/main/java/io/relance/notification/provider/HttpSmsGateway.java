package io.relance.notification.provider;

import io.relance.notification.domain.SendResult;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;

import java.net.URI;
import java.time.Duration;

/**
 * An SMS gateway reached over HTTP: {@code POST <url>} with {@code {"to", "text", "sender"}} as JSON, a bearer
 * token, and the delivery id in {@code Idempotency-Key}, the header most gateways deduplicate on. 2xx is accepted
 * (the body's {@code id} is the reference); 422 is an invalid recipient (suppressed); 408, 429, 5xx and network
 * failures are transient; any other 4xx is permanent without suppressing the number.
 */
public class HttpSmsGateway implements SmsGateway {

    private final HttpClient client;
    private final URI url;
    private final String token;
    private final String sender;
    private final Duration timeout;

    public HttpSmsGateway(Vertx vertx, URI url, String token, String sender, Duration timeout) {
        this.client = vertx.createHttpClient();
        this.url = url;
        this.token = token;
        this.sender = sender;
        this.timeout = timeout;
    }

    @Override
    public Uni<SendResult> send(String idempotencyKey, String phoneNumber, String text) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(url.toString())
                .setTimeout(timeout.toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Idempotency-Key", idempotencyKey)
                .putHeader("Authorization", "Bearer " + token);
        Buffer body = Buffer.buffer(new JsonObject().put("to", phoneNumber).put("text", text).put("sender", sender).encode());
        return client.request(options)
                .chain(request -> request.send(body))
                .chain(response -> response.body().map(payload -> answer(response.statusCode(), payload.toString())))
                .onFailure().recoverWithItem(e -> new SendResult.Transient("SMS gateway unreachable: " + e.getMessage()));
    }

    static SendResult answer(int status, String body) {
        if (status >= 200 && status < 300) {
            String id = new JsonObject(body.isBlank() ? "{}" : body).getString("id");
            return new SendResult.Accepted(id, null);
        }
        String reason = "SMS gateway " + status + (body.isBlank() ? "" : ": " + body);
        if (status == 408 || status == 429 || status >= 500) {
            return new SendResult.Transient(reason);
        }
        return new SendResult.Permanent(reason, status == 422);
    }
}
