package io.relance.notification.api;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.notification.GreenMailTestResource;
import io.relance.notification.Tokens;
import io.relance.servers.RelanceServersTestResource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The preview and reading endpoints, and the problem documents they answer bad requests with. */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
@WithTestResource(GreenMailTestResource.class)
class TemplatePreviewIT {

    @BeforeEach
    void asACollector() {
        Tokens.actAs("collector");
    }

    @Test
    void anyTemplateRendersWithSampleDataInTheQuarkusEngine() {
        given().get("/templates/formal-notice/preview?channel=EMAIL&language=fr&tone=FORMAL")
                .then().statusCode(200)
                .body("subject", equalTo("Mise en demeure de payer – Relance Démo SAS"))
                .body("text", containsString("40,00 EUR par facture, soit 80,00 EUR"))
                .body("text", containsString("https://pay.relance.local/customers/C-SAMPLE"))
                .body("html", containsString("Boulangerie Lefèvre &amp; Fils SARL"));
        given().get("/templates/reminder/preview?channel=SMS&language=en&tone=FIRM")
                .then().statusCode(200).body("smsSegments", equalTo(1)).body("text", containsString("EUR 4,730.50"));
    }

    @Test
    void aLetterPreviewIsThePdfThatWouldBePosted() throws Exception {
        byte[] pdf = given().get("/templates/formal-notice/preview.pdf?channel=REGISTERED_LETTER&language=fr&tone=FORMAL")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Mise en demeure de payer");
        }
    }

    @Test
    void unknownTemplatesAndBadParametersAreProblemsNamingTheField() {
        given().get("/templates/no-such-step/preview?channel=EMAIL&language=fr&tone=FIRM")
                .then().statusCode(404).contentType("application/problem+json").body("errors.field", hasItem("key"));
        given().get("/templates/reminder/preview?channel=EMAIL&language=de&tone=FIRM")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("language"));
        given().get("/templates/reminder/preview?channel=FAX&language=fr&tone=FIRM")
                .then().statusCode(400).body("errors[0].field", equalTo("channel"))
                .body("errors[0].rule", containsString("EMAIL, SMS"));
        given().get("/deliveries").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].rule", containsString("exactly one of customerId and invoiceId"));
        given().get("/deliveries?invoiceId=42").then().statusCode(400).body("errors[0].field", equalTo("invoiceId"));
        given().get("/letters/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentListsTheEndpoints() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.keySet()", hasItem("/deliveries"))
                .body("paths.keySet()", hasItem("/letters/{deliveryId}"))
                .body("paths.keySet()", hasItem("/templates/{key}/preview"));
    }
}
