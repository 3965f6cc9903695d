package io.relance.notification.provider;

import io.relance.notification.domain.SendResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Keeps SMS in memory instead of sending them, with a real gateway's idempotency and number validation. Typed to its
 * class only: {@link SmsGateways} decides which gateway is the {@link SmsGateway}.
 */
@ApplicationScoped
@Typed(SandboxSmsGateway.class)
public class SandboxSmsGateway implements SmsGateway {

    /** E.164: a plus, then up to 15 digits, the first not zero. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public record SandboxSms(String reference, String phoneNumber, String text) {
    }

    private final Map<String, SandboxSms> sent = new ConcurrentHashMap<>();

    @Override
    public Uni<SendResult> send(String idempotencyKey, String phoneNumber, String text) {
        if (!E164.matcher(phoneNumber).matches()) {
            return Uni.createFrom().item(new SendResult.Permanent("invalid phone number", true));
        }
        SandboxSms sms = sent.computeIfAbsent(idempotencyKey,
                key -> new SandboxSms("sbx-sms-" + key, phoneNumber, text));
        return Uni.createFrom().item(new SendResult.Accepted(sms.reference(), null));
    }

    /** What the sandbox "sent", one entry per idempotency key. */
    public List<SandboxSms> sent() {
        return List.copyOf(sent.values());
    }
}
