package io.relance.notification.application;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.relance.contracts.Topics;
import io.relance.contracts.customer.Language;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.contracts.dunning.Tone;
import io.relance.notification.GreenMailTestResource;
import io.relance.notification.ItSupport;
import io.relance.notification.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** With the sending window closed at the test clock's hour, messages wait; a phone task, not a message, does not. */
@QuarkusTest
@TestProfile(QuietHoursIT.WindowClosedAtTen.class)
@WithTestResource(RelanceServersTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class QuietHoursIT {

    @BeforeEach
    void asACollector() {
        Tokens.actAs("collector");
    }

    /** The test clock reads 10:00 in Paris; a window from 20:00 to 21:00 is closed then. */
    public static class WindowClosedAtTen implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("relance.notification.quiet-hours.opens", "20:00",
                    "relance.notification.quiet-hours.closes", "21:00");
        }
    }

    @Test
    void anEmailWaitsForTheWindowWhileAPhoneTaskIsAcknowledgedAtOnce() {
        String customer = ItSupport.newCustomer();
        String address = customer.toLowerCase() + "@debtor.example";
        ItSupport.publishProfile(customer, Language.FR, List.of(address), null);
        ReminderRequested request = ItSupport.reminder(customer, "reminder", Tone.FIRM,
                List.of(Channel.EMAIL, Channel.PHONE_TASK));
        ItSupport.publish(request);

        ConsumerRecord<String, String> taskDone = ItSupport.outcomes(customer, 1).get(0);
        assertThat(JsonPath.from(taskDone.value()).getString("channel")).isEqualTo("PHONE_TASK");
        assertThat(ItSupport.recordsWithin(Topics.NOTIFICATION_EVENTS, customer, Duration.ofSeconds(4))).hasSize(1);
        assertThat(ItSupport.mailsTo(GreenMailTestResource.greenMail(), address)).isEmpty();
        JsonPath deliveries = given().get("/deliveries?customerId=" + customer).then().statusCode(200).extract().jsonPath();
        assertThat(deliveries.getString("find { it.channel == 'EMAIL' }.status")).isEqualTo("PENDING");
        assertThat(deliveries.getList("find { it.channel == 'EMAIL' }.attempts")).isEmpty();
    }
}
