package io.relance.payment.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.Startup;
import io.relance.payment.application.PaymentProvider;
import io.relance.payment.config.PaymentConfig;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.PaymentRuleViolation;
import io.relance.payment.domain.WebhookSignature;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A stand-in payment provider for local runs and tests that behaves like a real one: a checkout gets a session
 * reference and a hosted page; once the payer pays there, the confirmation arrives later, by a webhook POST signed
 * like Stripe's ({@link WebhookSignature}) and retried with backoff until it is acknowledged. Sessions live in this
 * process's memory, as they would live at the provider: a restart forgets unpaid sandbox sessions.
 */
// Built at start-up so that a missing or short secret stops the service at once, not at the first link.
@Startup
@ApplicationScoped
public class SandboxPaymentProvider implements PaymentProvider {

    public static final String NAME = "sandbox";
    public static final String SIGNATURE_HEADER = "Sandbox-Signature";
    static final String COMPLETED = "checkout.session.completed";
    private static final int DELIVERY_ATTEMPTS = 6;
    private static final Logger LOG = Logger.getLogger(SandboxPaymentProvider.class);

    /** A checkout session as the provider holds it. */
    public record Session(String id, UUID clientReference, Money amount, String description, boolean paid) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSignature signature;
    private final PaymentConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    SandboxPaymentProvider(PaymentConfig config, ObjectMapper mapper, Clock clock) {
        this.signature = new WebhookSignature(config.sandbox().webhookSecret().getBytes(StandardCharsets.UTF_8),
                config.sandbox().webhookTolerance());
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Uni<Checkout> createCheckout(UUID checkoutId, String customerId, Money amount, String description) {
        String id = "cs_sandbox_" + randomHex();
        sessions.put(id, new Session(id, checkoutId, amount, description, false));
        return Uni.createFrom().item(new Checkout(id, config.publicBaseUrl().resolve("/sandbox/checkout/" + id)));
    }

    public Optional<Session> session(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /**
     * The payer pays on the hosted page: the session is paid at once and its webhook is sent after the configured
     * delay, to {@code defaultWebhookUrl} unless one is configured.
     *
     * @return false when the session does not exist or was already paid
     */
    public boolean pay(String sessionId, String payerName, URI defaultWebhookUrl) {
        Session before = sessions.get(sessionId);
        if (before == null || before.paid()) {
            return false;
        }
        Session paid = new Session(before.id(), before.clientReference(), before.amount(), before.description(), true);
        if (!sessions.replace(sessionId, before, paid)) {
            return false;
        }
        byte[] body = event(paid, payerName);
        URI target = config.sandbox().webhookUrl().orElse(defaultWebhookUrl);
        deliver(target, body, 1, config.sandbox().deliveryDelay());
        return true;
    }

    @Override
    public Event readWebhook(byte[] rawBody, UnaryOperator<String> header) {
        signature.verify(header.apply(SIGNATURE_HEADER), rawBody, clock.instant());
        try {
            JsonNode event = mapper.readTree(rawBody);
            String id = text(event, "id");
            if (!COMPLETED.equals(event.path("type").asText())) {
                return new Event(id, Event.Kind.OTHER, null, null, null, null);
            }
            JsonNode data = event.path("data");
            return new Event(id, Event.Kind.PAYMENT_SUCCEEDED, text(data, "session"),
                    Money.of(amount(text(data, "amount")), text(data, "currency")), Instant.parse(text(data, "paidAt")),
                    data.path("payerName").asText().isBlank() ? null : text(data, "payerName"));
        } catch (IOException | RuntimeException e) {
            if (e instanceof PaymentRuleViolation violation) {
                throw violation;
            }
            throw new PaymentRuleViolation("body", "must be a sandbox event with id, type and data; it is not readable");
        }
    }

    private byte[] event(Session session, String payerName) {
        ObjectNode event = mapper.createObjectNode();
        event.put("id", "evt_sandbox_" + randomHex());
        event.put("type", COMPLETED);
        event.put("created", clock.instant().getEpochSecond());
        ObjectNode data = event.putObject("data");
        data.put("session", session.id());
        data.put("clientReference", session.clientReference().toString());
        data.put("amount", session.amount().amount().toPlainString());
        data.put("currency", session.amount().code());
        data.put("paidAt", clock.instant().toString());
        if (payerName != null && !payerName.isBlank()) {
            data.put("payerName", payerName);
        }
        try {
            return mapper.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a sandbox event", e);
        }
    }

    /** Each attempt is signed afresh, as providers do, so a retry is never refused as too old. */
    private void deliver(URI target, byte[] body, int attempt, Duration delay) {
        CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS))
                .thenCompose(ignored -> http.sendAsync(HttpRequest.newBuilder(target)
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header(SIGNATURE_HEADER, signature.header(clock.instant(), body))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()))
                .whenComplete((response, failure) -> {
                    boolean delivered = failure == null && response.statusCode() / 100 == 2;
                    if (delivered) {
                        return;
                    }
                    String why = failure != null ? failure.getClass().getSimpleName() : "status " + response.statusCode();
                    if (attempt >= DELIVERY_ATTEMPTS) {
                        LOG.errorf("sandbox webhook to %s abandoned after %d attempts (%s)", target, attempt, why);
                        return;
                    }
                    LOG.warnf("sandbox webhook to %s failed (%s), attempt %d; retrying", target, why, attempt);
                    deliver(target, body, attempt + 1, delay.multipliedBy(2).plusMillis(100));
                });
    }

    private String randomHex() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** An amount the payments table can hold: 15 integer and 4 decimal digits at most (1e999999999 is a BigDecimal). */
    private static String amount(String text) {
        BigDecimal amount = new BigDecimal(text).stripTrailingZeros();
        if (amount.precision() - amount.scale() > 15 || amount.scale() > 4) {
            throw new PaymentRuleViolation("body", "data.amount must have at most 15 integer and 4 decimal digits");
        }
        return text;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isValueNode() || value.asText().isBlank()) {
            throw new PaymentRuleViolation("body", "must carry " + field);
        }
        if (value.asText().length() > 200 || value.asText().chars().anyMatch(Character::isISOControl)) {
            throw new PaymentRuleViolation("body", field + " must be at most 200 characters, none of them a control character");
        }
        return value.asText();
    }
}
