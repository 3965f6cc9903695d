package io.relance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cash application across services, on the packaged services, the real broker and the real database: a bank
 * statement line imported by payment-service pays the invoice it names, as invoice-service then shows it.
 */
@ExtendWith(SharedPlatform.class)
class CashApplicationIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;

    @BeforeAll
    static void connect(Platform running) {
        platform = running;
    }

    @Test
    void aCamt053LineNamingAnInvoiceIsMatchedAndInvoiceServiceShowsTheInvoicePaid() throws Exception {
        String invoices = service("invoice-service").url();
        String payments = service("payment-service").url();
        String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String customer = "C-" + run;
        String number = "FA-2026-" + run;

        assertThat(send("PUT", invoices + "/customers/" + customer, "erp", "application/json", """
                {"sourceSystem":"cash-application-it","externalId":"%s","legalName":"Menuiserie Duval SARL",
                 "language":"fr","segment":"REGULAR"}""".formatted(customer)).statusCode()).isEqualTo(201);
        HttpResponse<String> issued = send("POST", invoices + "/invoices", "erp", "application/json", """
                {"customerId":"%s","number":"%s","amount":"1250.00","currency":"EUR",
                 "issueDate":"2026-04-02","dueDate":"2026-05-02"}""".formatted(customer, number));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String invoiceId = JSON.readTree(issued.body()).path("id").asText();

        // payment-service learns the open item from InvoiceIssued before the statement arrives.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                send("GET", payments + "/customers/" + customer + "/open-items", "collector", null, null).body()
                        .contains(invoiceId));

        HttpResponse<String> imported = send("POST", payments + "/statements", "erp", "application/xml", statement(run, number));
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
        assertThat(JSON.readTree(imported.body()).path("recorded").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode invoice = JSON.readTree(send("GET", invoices + "/invoices/" + invoiceId, "collector", null, null).body());
            assertThat(invoice.path("status").asText()).isEqualTo("PAID");
            assertThat(invoice.path("openAmount").asText()).isIn("0", "0.00");
            assertThat(invoice.path("paidAmount").asText()).isIn("1250", "1250.00");
        });
    }

    /** A day's camt.053.001.08 statement with one customer credit whose remittance names the invoice. */
    private static String statement(String run, String number) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>STMT-IT-%1$s</MsgId><CreDtTm>2026-05-04T18:05:12+02:00</CreDtTm></GrpHdr>
                    <Stmt>
                      <Id>FR7630004000031234567890143-IT-%1$s</Id>
                      <CreDtTm>2026-05-04T18:05:12+02:00</CreDtTm>
                      <Acct><Id><IBAN>FR7630004000031234567890143</IBAN></Id><Ccy>EUR</Ccy></Acct>
                      <Ntry>
                        <NtryRef>1</NtryRef>
                        <Amt Ccy="EUR">1250.00</Amt>
                        <CdtDbtInd>CRDT</CdtDbtInd>
                        <Sts><Cd>BOOK</Cd></Sts>
                        <BookgDt><Dt>2026-05-04</Dt></BookgDt>
                        <ValDt><Dt>2026-05-04</Dt></ValDt>
                        <AcctSvcrRef>BQ-IT-%1$s</AcctSvcrRef>
                        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                        <NtryDtls>
                          <TxDtls>
                            <Refs><EndToEndId>IT-%1$s</EndToEndId></Refs>
                            <Amt Ccy="EUR">1250.00</Amt>
                            <CdtDbtInd>CRDT</CdtDbtInd>
                            <RltdPties>
                              <Dbtr><Pty><Nm>MENUISERIE DUVAL SARL</Nm></Pty></Dbtr>
                              <DbtrAcct><Id><IBAN>FR1420041010050500013M02606</IBAN></Id></DbtrAcct>
                            </RltdPties>
                            <RmtInf><Ustrd>FACTURE %2$s REGLEMENT</Ustrd></RmtInf>
                          </TxDtls>
                        </NtryDtls>
                      </Ntry>
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """.formatted(run, number);
    }

    private static HttpResponse<String> send(String method, String url, String role, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", platform.tokens().bearer(role))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static RunningService service(String name) {
        return platform.services().stream().filter(s -> s.spec().name().equals(name)).findFirst().orElseThrow();
    }
}
