package io.relance.notification.provider;

import io.relance.notification.domain.SendResult;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpServer;
import io.vertx.mutiny.core.http.HttpServerRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP adapter against a real HTTP server in the test JVM that answers as a gateway would. */
class HttpSmsGatewayTest {

    private final Vertx vertx = Vertx.vertx();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private HttpServer server;

    @BeforeEach
    void startGateway() {
        server = vertx.createHttpServer().requestHandler(this::answer).listen(0).await().atMost(Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        vertx.closeAndAwait();
    }

    private void answer(HttpServerRequest request) {
        request.body().subscribe().with(body -> {
            received.add(request.getHeader("Idempotency-Key") + "|" + request.getHeader("Authorization") + "|" + body);
            request.response().setStatusCode(status.get())
                    .endAndForget(status.get() < 300 ? "{\"id\":\"gw-42\"}" : "{\"error\":\"nope\"}");
        });
    }

    private SendResult send(URI url) {
        return new HttpSmsGateway(vertx, url, "secret", "RELANCE", Duration.ofSeconds(5))
                .send("delivery-1", "+33612345678", "Réglez en ligne").await().atMost(Duration.ofSeconds(10));
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/v1/sms");
    }

    @Test
    void anAcceptedSmsCarriesTheGatewaysIdAndWasSentWithTheIdempotencyKeyAndToken() {
        assertThat(send(url())).isEqualTo(new SendResult.Accepted("gw-42", null));

        assertThat(received).singleElement().satisfies(r -> {
            String[] parts = r.split("\\|", 3);
            assertThat(parts[0]).isEqualTo("delivery-1");
            assertThat(parts[1]).isEqualTo("Bearer secret");
            JsonObject body = new JsonObject(parts[2]);
            assertThat(body.getString("to")).isEqualTo("+33612345678");
            assertThat(body.getString("text")).isEqualTo("Réglez en ligne");
            assertThat(body.getString("sender")).isEqualTo("RELANCE");
        });
    }

    @Test
    void anInvalidNumberIsPermanentAndSuppressedAnOverloadedGatewayIsRetried() {
        status.set(422);
        assertThat(send(url())).isEqualTo(new SendResult.Permanent("SMS gateway 422: {\"error\":\"nope\"}", true));
        status.set(503);
        assertThat(send(url())).isInstanceOf(SendResult.Transient.class);
        status.set(401);
        assertThat(send(url())).isInstanceOf(SendResult.Permanent.class)
                .satisfies(r -> assertThat(((SendResult.Permanent) r).suppressRecipient()).isFalse());
    }

    @Test
    void anUnreachableGatewayIsTransient() {
        assertThat(send(URI.create("http://127.0.0.1:1/v1/sms"))).isInstanceOf(SendResult.Transient.class);
    }
}
