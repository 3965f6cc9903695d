package io.relance.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@ConfigMapping(prefix = "relance.notification")
public interface NotificationConfig {

    /** Who the reminders come from, printed in every message. */
    Sender sender();

    /** Days given to pay when the step sets no deadline (a formal notice always prints one). */
    @WithDefault("8")
    int defaultDeadlineDays();

    /** Template keys whose e-mails carry the statement as a PDF attachment. */
    @WithDefault("formal-notice")
    Set<String> statementAttachedTo();

    /** Price of one delivery per channel, carried in ReminderSent for the cost-of-collection KPI. */
    Costs costs();

    /** When messages may go out; phone tasks and agency hand-overs are not messages and ignore it. */
    QuietHours quietHours();

    /** How deliveries are attempted. */
    Dispatch dispatch();

    /** Which SMS gateway sends the SMS. */
    Sms sms();

    /** How long what was sent to a debtor is kept once its delivery is over (SENT or FAILED). */
    Retention retention();

    interface Retention {
        /** Past this, a finished delivery loses its recipient address and its providers' failure messages. */
        @WithDefault("P400D")
        Duration delivered();

        /** Past this, a posted letter's PDF is deleted: it proves a formal notice while a claim can be pursued. */
        @WithDefault("P1827D")
        Duration letters();

        /** How often the purge runs. */
        @WithDefault("1h")
        Duration purgeEvery();
    }

    interface Sms {

        enum Gateway { SANDBOX, HTTP }

        /** sandbox keeps SMS in memory (nothing leaves the machine); http posts them to {@link #url()}. */
        @WithDefault("sandbox")
        Gateway gateway();

        /** Endpoint of the HTTP gateway. */
        Optional<URI> url();

        /** Bearer token of the HTTP gateway. */
        Optional<String> token();

        /** Sender name shown to the debtor (11 characters at most on most networks). */
        @WithDefault("RELANCE")
        String sender();
    }

    interface Sender {
        /** Company name signing the reminders. */
        String name();

        /** From address of the e-mails. */
        String email();

        /** Postal address lines of the sender, printed on letters. */
        List<String> address();

        /** Phone number the debtor can call, printed in every message. */
        String phone();

        /** Payment link; {customerId} is replaced by the customer's id. */
        String paymentLink();

        /** Domain of the stable Message-IDs: <deliveryId@domain>. */
        @WithDefault("relance.local")
        String messageIdDomain();
    }

    interface Costs {
        /** Currency of every cost below. */
        @WithDefault("EUR")
        String currency();

        @WithDefault("0.01")
        BigDecimal email();

        @WithDefault("0.07")
        BigDecimal sms();

        @WithDefault("1.50")
        BigDecimal letter();

        @WithDefault("6.50")
        BigDecimal registeredLetter();

        @WithDefault("4.00")
        BigDecimal phoneTask();

        @WithDefault("0.00")
        BigDecimal collectionAgency();
    }

    interface QuietHours {
        @WithDefault("Europe/Paris")
        ZoneId zone();

        /** Local time the sending window opens on a business day. */
        @WithDefault("08:00")
        LocalTime opens();

        /** Local time it closes. */
        @WithDefault("19:00")
        LocalTime closes();
    }

    interface Dispatch {
        /** How often due deliveries are looked for. */
        @WithDefault("2s")
        Duration every();

        /** Most deliveries claimed per round. */
        @WithDefault("20")
        int batchSize();

        /** How long an attempt owns its delivery; past it, the attempt is taken as interrupted and repeated. */
        @WithDefault("5m")
        Duration lease();

        /** First wait after a transient failure, doubled each time up to {@link #maxBackoff()}. */
        @WithDefault("1m")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** Attempts before a transiently failing delivery is given up (ReminderFailed). */
        @WithDefault("6")
        int maxAttempts();

        /** How long a delivery waits for the customer's profile (the topics are not ordered with each other). */
        @WithDefault("15m")
        Duration contactGrace();

        /** Timeout of one provider call. */
        @WithDefault("30s")
        Duration sendTimeout();
    }
}
