package io.relance.invoice.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.invoice.TopicProbe;
import io.relance.invoice.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Debtor accounts over REST on the real database and broker: each change is published on customer-profiles. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class CustomerIT {

    @BeforeEach
    void asAdmin() {
        Tokens.actAs("admin");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String profile(String externalId, String segment) {
        return """
                {"sourceSystem":"sap-fr","externalId":"%s","legalName":"Électricité de France",
                 "sirenOrVat":"FR03552081317","emails":["compta@example.fr"],"phone":"+33612345678",
                 "address":{"lines":["22-30 avenue de Wagram"],"postalCode":"75008","city":"Paris","countryCode":"FR"},
                 "language":"fr","segment":"%s","paymentTermsDays":30}""".formatted(externalId, segment);
    }

    @Test
    void aCreatedCustomerIsStoredAndItsWholeProfileIsPublishedKeyedByItsId() {
        String id = "C-" + UUID.randomUUID();

        given().contentType(ContentType.JSON).body(profile(UUID.randomUUID().toString(), "REGULAR"))
                .put("/customers/" + id).then().statusCode(201).body("language", equalTo("fr"));

        given().get("/customers/" + id).then().statusCode(200)
                .body("emails", containsInAnyOrder("compta@example.fr"))
                .body("address.postalCode", equalTo("75008"));
        List<ConsumerRecord<String, String>> events = probe().read(Topics.CUSTOMER_PROFILES, id, 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(TopicProbe.header(events.get(0), CloudEventHeaders.TYPE)).isEqualTo("relance.customer.updated.v1");
        assertThat(events.get(0).value()).contains("\"phone\":\"+33612345678\"").contains("\"language\":\"fr\"");
    }

    @Test
    void anUpdatePublishesTheNewProfileAndResendingItUnchangedPublishesNothing() {
        String id = "C-" + UUID.randomUUID();
        String externalId = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(profile(externalId, "REGULAR")).put("/customers/" + id)
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body(profile(externalId, "RISKY")).put("/customers/" + id)
                .then().statusCode(200).body("segment", equalTo("RISKY"));
        given().contentType(ContentType.JSON).body(profile(externalId, "RISKY")).put("/customers/" + id)
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> events = probe().readAll(Topics.CUSTOMER_PROFILES, id, Duration.ofSeconds(4));
        assertThat(events).hasSize(2);
        assertThat(events.get(1).value()).contains("\"segment\":\"RISKY\"");
    }

    @Test
    void badFieldsAreAllNamedInOneProblemAndNothingIsStoredOrPublished() {
        String id = "C-" + UUID.randomUUID();

        given().contentType(ContentType.JSON).body("""
                        {"sourceSystem":"sap-fr","externalId":"x","legalName":"ACME","sirenOrVat":"552081318",
                         "emails":["nope"],"phone":"0612345678","language":"de","segment":"REGULAR"}""")
                .put("/customers/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("sirenOrVat", "emails[0]", "phone", "language"));

        given().get("/customers/" + id).then().statusCode(404).contentType("application/problem+json");
        assertThat(probe().readAll(Topics.CUSTOMER_PROFILES, id, Duration.ofSeconds(3))).isEmpty();
    }

    @Test
    void anErpReferenceAlreadyUsedByAnotherCustomerIsAConflictNamingIt() {
        String externalId = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(profile(externalId, "NEW")).put("/customers/C-" + UUID.randomUUID())
                .then().statusCode(201);

        given().contentType(ContentType.JSON).body(profile(externalId, "NEW")).put("/customers/C-" + UUID.randomUUID())
                .then().statusCode(409).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("sourceSystem", "externalId"));
    }

    @Test
    void erasureAnonymisesThePersonalDataPublishesTheAnonymisedProfileThenATombstoneAndRefusesLaterUpdates() {
        String id = "C-" + UUID.randomUUID();
        String externalId = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).body(profile(externalId, "REGULAR")).put("/customers/" + id)
                .then().statusCode(201);

        given().post("/customers/" + id + "/erasure").then().statusCode(200)
                .body("erasedAt", notNullValue()).body("emails", empty()).body("phone", nullValue());

        given().get("/customers/" + id).then().statusCode(200)
                .body("legalName", equalTo("erased customer")).body("address", nullValue())
                .body("sirenOrVat", nullValue());
        List<ConsumerRecord<String, String>> events = probe().read(Topics.CUSTOMER_PROFILES, id, 3, Duration.ofSeconds(30));
        assertThat(events).hasSize(3);
        assertThat(events.get(1).value()).doesNotContain("compta@example.fr").doesNotContain("+33612345678")
                .doesNotContain("Wagram").doesNotContain("552081317");
        assertThat(events.get(2).value()).as("the tombstone that lets compaction erase the customer").isNull();
        given().contentType(ContentType.JSON).body(profile(externalId, "REGULAR")).put("/customers/" + id)
                .then().statusCode(409).body("type", equalTo("https://relance.io/problems/erased-customer"));
    }

    @Test
    void erasingAnUnknownCustomerIsNotFound() {
        given().post("/customers/nobody-" + UUID.randomUUID() + "/erasure").then().statusCode(404)
                .contentType("application/problem+json").body("errors[0].field", equalTo("customerId"));
    }

    private TopicProbe probe() {
        return new TopicProbe(bootstrapServers);
    }
}
