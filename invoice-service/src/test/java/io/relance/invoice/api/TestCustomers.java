package io.relance.invoice.api;

import io.restassured.http.ContentType;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates a debtor account over REST, since invoices are accepted only for existing customers. */
final class TestCustomers {

    private TestCustomers() {
    }

    /** A new customer's id, created with a minimal valid profile. */
    static String create() {
        String id = "C-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("""
                        {"sourceSystem":"test","externalId":"%s","legalName":"ACME SAS","language":"fr","segment":"NEW"}"""
                        .formatted(UUID.randomUUID()))
                .put("/customers/" + id).then().statusCode(201);
        return id;
    }
}
