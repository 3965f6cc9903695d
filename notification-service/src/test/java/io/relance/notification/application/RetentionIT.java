package io.relance.notification.application;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.notification.GreenMailTestResource;
import io.relance.notification.ItSupport;
import io.relance.servers.RelanceServersTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The periodic purge on the real database, against the business clock: with the default retention (400 days for
 * addresses and provider messages, 1,827 for letters), what is older goes and everything the KPIs and the audit read
 * stays; deliveries not over yet and younger ones are left alone.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class RetentionIT {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    private record Row(String status, int attempts, String recipient, String failureReason, BigDecimal cost,
                       Instant createdAt, Instant updatedAt, List<String> attemptDetails, boolean hasLetter) {
    }

    @Test
    void deliveriesOverForLongerThanTheRetentionKeepNoAddressButKeepTheirStatusDatesAndCost() throws SQLException {
        String customer = ItSupport.newCustomer();
        Instant now = clock.instant();
        UUID oldSent = seed(customer, "LETTER", "SENT", "old@debtor.example", null, now.minus(Duration.ofDays(401)),
                "SENT", "ref-1");
        UUID oldFailed = seed(customer, "EMAIL", "FAILED", "bounce@debtor.example",
                "550 5.1.1 <bounce@debtor.example>: recipient rejected", now.minus(Duration.ofDays(401)),
                "PERMANENT_FAILURE", "550 5.1.1 <bounce@debtor.example>: recipient rejected");
        UUID recent = seed(customer, "REGISTERED_LETTER", "SENT", "recent@debtor.example", null,
                now.minus(Duration.ofDays(399)), "SENT", "ref-3");
        UUID notOver = seed(customer, "SMS", "RETRYING", "+33612345678", "gateway busy",
                now.minus(Duration.ofDays(500)), "TRANSIENT_FAILURE", "gateway busy");
        UUID ancient = seed(customer, "LETTER", "SENT", "ancient@debtor.example", null,
                now.minus(Duration.ofDays(1828)), "SENT", "ref-5");
        Row oldSentBefore = read(oldSent);
        Row oldFailedBefore = read(oldFailed);

        await().atMost(Duration.ofSeconds(20)).until(() -> read(ancient).recipient() == null && !read(ancient).hasLetter());

        Row sent = read(oldSent);
        assertThat(sent.recipient()).isNull();
        assertThat(sent.hasLetter()).as("a letter younger than the letters' retention is kept").isTrue();
        assertThat(sent.attemptDetails()).as("the provider's reference of a sent attempt").containsExactly("ref-1");
        assertThat(List.of(sent.status(), sent.attempts(), sent.cost(), sent.createdAt(), sent.updatedAt()))
                .isEqualTo(List.of(oldSentBefore.status(), oldSentBefore.attempts(), oldSentBefore.cost(),
                        oldSentBefore.createdAt(), oldSentBefore.updatedAt()));
        Row failed = read(oldFailed);
        assertThat(failed.recipient()).isNull();
        assertThat(failed.failureReason()).isNull();
        assertThat(failed.attemptDetails()).containsOnlyNulls().hasSize(1);
        assertThat(List.of(failed.status(), failed.attempts(), failed.cost(), failed.updatedAt()))
                .isEqualTo(List.of(oldFailedBefore.status(), oldFailedBefore.attempts(), oldFailedBefore.cost(),
                        oldFailedBefore.updatedAt()));
        assertThat(read(recent).recipient()).isEqualTo("recent@debtor.example");
        assertThat(read(recent).hasLetter()).isTrue();
        Row retrying = read(notOver);
        assertThat(Arrays.asList(retrying.recipient(), retrying.failureReason(), retrying.attemptDetails()))
                .isEqualTo(List.of("+33612345678", "gateway busy", List.of("gateway busy")));
        assertThat(read(ancient).status()).isEqualTo("SENT");
        assertThat(read(ancient).cost()).isEqualByComparingTo("1.50");
    }

    /** A delivery of its own reminder, with one attempt, and a letter's PDF when the channel posts one. */
    private UUID seed(String customer, String channel, String status, String recipient, String failureReason,
                      Instant finishedAt, String outcome, String detail) throws SQLException {
        UUID reminder = UUID.randomUUID();
        UUID delivery = UUID.randomUUID();
        Instant created = finishedAt.minus(Duration.ofHours(1));
        try (Connection connection = dataSource.getConnection()) {
            update(connection, """
                    INSERT INTO reminder (reminder_id, customer_id, template_key, tone, business_date, statement, received_at)
                    VALUES (?, ?, 'reminder', 'FRIENDLY', DATE '2025-01-01', '{}', ?)""", reminder, customer, created);
            update(connection, """
                    INSERT INTO delivery (id, reminder_id, customer_id, channel, status, attempts, next_attempt_at,
                                          recipient, cost, cost_currency, failure_reason, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 1, ?, ?, 1.50, 'EUR', ?, ?, ?)""", delivery, reminder, customer, channel,
                    status, clock.instant().plus(Duration.ofDays(10)), recipient, failureReason, created, finishedAt);
            update(connection, """
                    INSERT INTO delivery_attempt (delivery_id, number, started_at, finished_at, outcome, detail)
                    VALUES (?, 1, ?, ?, ?, ?)""", delivery, created, finishedAt, outcome, detail);
            if (channel.endsWith("LETTER") && status.equals("SENT")) {
                update(connection, "INSERT INTO letter (delivery_id, pdf, created_at) VALUES (?, ?, ?)",
                        delivery, "%PDF-1.7".getBytes(), finishedAt);
            }
        }
        return delivery;
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i] instanceof Instant instant ? Timestamp.from(instant) : values[i];
                statement.setObject(i + 1, value);
            }
            statement.executeUpdate();
        }
    }

    private Row read(UUID delivery) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     SELECT status, attempts, recipient, failure_reason, cost, created_at, updated_at,
                            EXISTS (SELECT 1 FROM letter WHERE delivery_id = d.id) AS has_letter
                     FROM delivery d WHERE id = ?""");
             PreparedStatement attempts = connection.prepareStatement(
                     "SELECT detail FROM delivery_attempt WHERE delivery_id = ? ORDER BY number")) {
            query.setObject(1, delivery);
            attempts.setObject(1, delivery);
            List<String> details = new ArrayList<>();
            try (ResultSet rows = attempts.executeQuery()) {
                while (rows.next()) {
                    details.add(rows.getString(1));
                }
            }
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("delivery " + delivery).isTrue();
                return new Row(row.getString(1), row.getInt(2), row.getString(3), row.getString(4),
                        row.getBigDecimal(5), row.getTimestamp(6).toInstant(), row.getTimestamp(7).toInstant(), details,
                        row.getBoolean(8));
            }
        }
    }
}
