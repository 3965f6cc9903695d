package io.relance.notification.provider;

import io.relance.notification.domain.SendResult;
import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EmailSenderTest {

    @Test
    void aHardBounceIsPermanentAndSuppressesTheAddress() {
        SendResult result = EmailSender.classify(new SMTPException("550 5.1.1 no such user", 550, List.of("no such user"), true));

        assertThat(result).isEqualTo(new SendResult.Permanent("SMTP 550 no such user", true));
    }

    @Test
    void aTemporaryRefusalOrAnUnreachableRelayIsRetried() {
        assertThat(EmailSender.classify(new SMTPException("421 busy", 421, List.of("busy"), true)))
                .isInstanceOf(SendResult.Transient.class);
        assertThat(EmailSender.classify(new RuntimeException(new ConnectException("Connection refused"))))
                .isInstanceOf(SendResult.Transient.class);
    }

    @Test
    void theSandboxPostalProviderGivesTheSameTrackingNumberToTheSameLetter() {
        assertThat(SandboxPostalProvider.trackingNumber("k-1")).matches("1A[0-9]{11}")
                .isEqualTo(SandboxPostalProvider.trackingNumber("k-1"))
                .isNotEqualTo(SandboxPostalProvider.trackingNumber("k-2"));
    }
}
