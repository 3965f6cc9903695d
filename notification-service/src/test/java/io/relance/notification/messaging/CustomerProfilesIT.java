package io.relance.notification.messaging;

import com.icegreen.greenmail.util.GreenMail;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.Topics;
import io.relance.contracts.customer.Language;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.Tone;
import io.relance.notification.GreenMailTestResource;
import io.relance.notification.ItSupport;
import io.relance.notification.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** customer-profiles on the real broker: profiles kept newest-first, tombstones applied as erasures. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class CustomerProfilesIT {

    @Inject
    AgroalDataSource dataSource;

    private boolean hasContact(String customer) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT 1 FROM customer_contact WHERE customer_id = ?")) {
            query.setString(1, customer);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    @BeforeEach
    void asACollector() {
        Tokens.actAs("collector");
    }

    private final GreenMail mail = GreenMailTestResource.greenMail();

    @Test
    void aTombstoneErasesTheContactDataAndIsNotDeadLettered() {
        String customer = ItSupport.newCustomer();
        String address = customer.toLowerCase() + "@debtor.example";
        ItSupport.publishProfile(customer, Language.FR, List.of(address), null);
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FRIENDLY, List.of(Channel.EMAIL)));
        ItSupport.awaitMails(mail, address, 1);
        ItSupport.outcomes(customer, 1);

        ItSupport.tombstone(customer);
        // The two topics are not ordered with each other, and a request is dispatched at once: the second reminder
        // must be requested after the erasure was applied for this test to say what it says.
        await().atMost(Duration.ofSeconds(40)).until(() -> !hasContact(customer));
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FIRM, List.of(Channel.EMAIL)));

        JsonPath failed = JsonPath.from(ItSupport.outcomes(customer, 2).get(1).value());
        assertThat(failed.getString("reason")).startsWith("unknown customer " + customer);
        assertThat(ItSupport.mailsTo(mail, address)).hasSize(1);
        List<String> recipients = given().get("/deliveries?customerId=" + customer).then().statusCode(200)
                .extract().jsonPath().getList("recipient");
        assertThat(recipients).hasSize(2).containsOnlyNulls();
        assertThat(ItSupport.recordsWithin(Topics.NOTIFICATION_SERVICE_DEAD_LETTERS, customer, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void anOlderProfileArrivingLateDoesNotReplaceTheNewerOne() {
        String customer = ItSupport.newCustomer();
        String current = customer.toLowerCase() + "@new.example";
        String old = customer.toLowerCase() + "@old.example";
        ItSupport.publishProfileAt(customer, List.of(current), Instant.parse("2026-11-20T10:00:00Z"));
        ItSupport.publishProfileAt(customer, List.of(old), Instant.parse("2026-10-01T10:00:00Z"));
        ItSupport.publish(ItSupport.reminder(customer, "reminder", Tone.FRIENDLY, List.of(Channel.EMAIL)));

        ItSupport.awaitMails(mail, current, 1);
        assertThat(ItSupport.mailsTo(mail, old)).isEmpty();
    }
}
