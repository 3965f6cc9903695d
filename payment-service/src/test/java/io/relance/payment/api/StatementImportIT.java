package io.relance.payment.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.Topics;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.payment.support.Broker;
import io.relance.payment.support.Tokens;
import io.relance.servers.RelanceServersTestResource;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.relance.payment.support.Invoices.awaitOpenItems;
import static io.relance.payment.support.Invoices.issued;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bank statements imported on the real database and broker: the sample camt.053 applies payments that reach
 * payment-events, a re-import changes nothing, a returned direct debit reverses its payment, and a refused file
 * leaves nothing behind.
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class StatementImportIT {

    @Inject
    ObjectMapper mapper;

    static byte[] sample(String name) {
        try (InputStream in = StatementImportIT.class.getResourceAsStream("/statements/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ValidatableResponse upload(byte[] xml) {
        return given().header("Authorization", Tokens.bearer("erp")).contentType("application/xml").body(xml)
                .post("/statements").then();
    }

    @Test
    void aStatementIsAppliedOnceAndItsReturnedDirectDebitReversesThePayment() {
        String suffix = UUID.randomUUID().toString();
        String acme = "ACME-" + suffix;
        String globex = "GLOBEX-" + suffix;
        String initech = "INITECH-" + suffix;
        Broker broker = new Broker(mapper);
        InvoiceIssued acmeInvoice = issued(acme, "FA-2026-004711", "1250.00", "EUR", "2026-04-30");
        InvoiceIssued globexFirst = issued(globex, "FA-2026-004712", "1980.00", "EUR", "2026-04-15");
        InvoiceIssued globexSecond = issued(globex, "FA-2026-004713", "1500.00", "EUR", "2026-04-30");
        InvoiceIssued initechInvoice = issued(initech, "FA-2026-004714", "600.00", "EUR", "2026-05-04");
        InvoiceIssued acmeLater = issued(acme, "FA-2026-004715", "720.00", "EUR", "2026-05-31");
        List.of(acmeInvoice, globexFirst, globexSecond, initechInvoice, acmeLater).forEach(broker::publish);
        awaitOpenItems(acme, "FA-2026-004711=1250.00", "FA-2026-004715=720.00");
        awaitOpenItems(globex, "FA-2026-004712=1980.00", "FA-2026-004713=1500.00");
        awaitOpenItems(initech, "FA-2026-004714=600.00");

        upload(sample("camt053-2026-05-04.xml")).statusCode(200)
                .body("messageType", equalTo("camt.053.001.08"))
                .body("recorded", equalTo(4)).body("alreadyImported", equalTo(0)).body("ignoredEntries", equalTo(2));
        awaitOpenItems(acme, "FA-2026-004715=720.00");
        awaitOpenItems(globex);
        awaitOpenItems(initech);

        upload(sample("camt053-2026-05-04.xml")).statusCode(200)
                .body("recorded", equalTo(0)).body("alreadyImported", equalTo(4));

        upload(sample("camt054-2026-05-06.xml")).statusCode(200).body("recorded", equalTo(1));
        awaitOpenItems(acme);

        upload(sample("camt053-2026-05-11.xml")).statusCode(200).body("reversed", equalTo(1));
        awaitOpenItems(initech, "FA-2026-004714=600.00");
        upload(sample("camt053-2026-05-11.xml")).statusCode(200)
                .body("reversed", equalTo(0)).body("alreadyImported", equalTo(1));

        List<ConsumerRecord<String, String>> initechEvents = broker.read(Topics.PAYMENT_EVENTS, initech, 2,
                Duration.ofSeconds(30), r -> true);
        assertThat(initechEvents).extracting(r -> Broker.header(r, CloudEventHeaders.TYPE))
                .containsExactly("relance.payment.received.v1", "relance.payment.reversed.v1");
        assertThat(initechEvents.get(0).value()).contains("\"method\":\"SEPA_DIRECT_DEBIT\"");
        assertThat(initechEvents.get(1).value()).contains("AM04");
        List<ConsumerRecord<String, String>> globexEvents = broker.read(Topics.PAYMENT_EVENTS, globex, 2,
                Duration.ofSeconds(5), r -> true);
        assertThat(globexEvents).as("one PaymentReceived for GLOBEX despite the re-import").hasSize(1);
        assertThat(globexEvents.get(0).value()).contains(globexFirst.invoiceId().toString())
                .contains(globexSecond.invoiceId().toString()).contains("\"unappliedAmount\":\"0.00\"");
    }

    @Test
    void aFileFailingHalfWayLeavesNoneOfItsPaymentsBehind() {
        String day = new String(sample("camt053-2026-05-04.xml"), StandardCharsets.UTF_8);
        String fresh = "BQ-" + UUID.randomUUID();
        // The first entry is new; the second reuses a reference already imported elsewhere with another amount.
        upload(day.replace("BQ20260504-000982", "BQ-CONFLICT-" + fresh).getBytes(StandardCharsets.UTF_8)).statusCode(200);
        String failing = day.replace("BQ20260504-000981", fresh)
                .replace("BQ20260504-000982", "BQ-CONFLICT-" + fresh)
                .replace("<Amt Ccy=\"EUR\">3480.00</Amt>", "<Amt Ccy=\"EUR\">3481.00</Amt>");

        upload(failing.getBytes(StandardCharsets.UTF_8)).statusCode(409).contentType("application/problem+json");

        String retried = day.replace("BQ20260504-000981", fresh);
        upload(retried.getBytes(StandardCharsets.UTF_8)).statusCode(200).body("recorded", equalTo(1));
    }

    @Test
    void hostileOrForeignFilesAreRefusedWithAProblemDocumentNamingTheFile() {
        for (String name : List.of("hostile-xxe.xml", "hostile-billion-laughs.xml", "wrong-namespace.xml")) {
            upload(sample(name)).statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("file"));
        }
        upload(sample("wrong-namespace.xml")).body("errors[0].rule", containsString("pain.001"));
    }

    @Test
    void aFileAboveTheLimitIsRefusedAsTooLargeWithAProblemDocument() {
        byte[] big = new byte[6 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        upload(big).statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("file")).body("errors[0].rule", containsString("at most"));
    }

    @Test
    void aHundredMegabyteStatementIsRefusedWithAProblemDocumentBeforeItIsRead() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /statements HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + Tokens.bearer("erp")
                    + "\r\nContent-Type: application/xml\r\nContent-Length: " + 100L * 1024 * 1024 + "\r\n\r\n<Document")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"field\":\"body\"").contains("must be at most 8388608 bytes");
        }
    }

    @Test
    void onlyTheErpMayUploadStatements() {
        given().header("Authorization", Tokens.bearer("collector")).contentType("application/xml")
                .body(sample("camt054-2026-05-06.xml")).post("/statements").then().statusCode(403);
        given().contentType("application/xml").body(sample("camt054-2026-05-06.xml")).post("/statements")
                .then().statusCode(401);
    }
}
