package io.relance.payment.application;

import io.relance.payment.domain.BankStatement;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.PaymentMethod;
import io.relance.payment.domain.StatementLine;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class BankStatementReaderTest {

    private final BankStatementReader reader = new BankStatementReader(5 * 1024 * 1024);

    static byte[] sample(String name) {
        try (InputStream in = BankStatementReaderTest.class.getResourceAsStream("/statements/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private StatementRejectedException rejection(BankStatementReader by, byte[] xml) {
        try {
            by.read(xml);
        } catch (StatementRejectedException e) {
            return e;
        }
        throw new AssertionError("the file was accepted");
    }

    @Test
    void aStatementYieldsItsBookedCustomerCreditsAndIgnoresFeesAndPendingEntries() {
        BankStatement statement = reader.read(sample("camt053-2026-05-04.xml"));

        assertThat(statement.messageType()).isEqualTo("camt.053.001.08");
        assertThat(statement.id()).isEqualTo("STMT-20260504-0124");
        assertThat(statement.accountIban()).isEqualTo("FR7630004000031234567890143");
        assertThat(statement.lines()).extracting(StatementLine::reference)
                .containsExactly("BQ20260504-000981", "BQ20260504-000982", "BQ20260504-000983", "BQ20260504-000984");
        assertThat(statement.ignoredEntries()).isEqualTo(2);

        StatementLine first = statement.lines().get(0);
        assertThat(first.kind()).isEqualTo(StatementLine.Kind.CREDIT);
        assertThat(first.amount()).isEqualTo(Money.of("1250.00", "EUR"));
        assertThat(first.valueDate()).isEqualTo(LocalDate.parse("2026-05-04"));
        assertThat(first.payerName()).isEqualTo("ACME INDUSTRIES SAS");
        assertThat(first.payerIban()).isEqualTo("FR1420041010050500013M02606");
        assertThat(first.remittance()).isEqualTo("FACTURE FA-2026-004711 REGLEMENT");
        assertThat(first.endToEndId()).isEqualTo("ACME-PAY-8812");
        assertThat(first.method()).isEqualTo(PaymentMethod.TRANSFER);
    }

    @Test
    void aCamt053Version02StatementYieldsItsCreditsBatchTransactionsChequesAndReturns() {
        BankStatement statement = reader.read(sample("camt053v02-2026-05-05.xml"));

        assertThat(statement.messageType()).isEqualTo("camt.053.001.02");
        assertThat(statement.id()).isEqualTo("CAMT053-20260505-0000417");
        assertThat(statement.accountIban()).isEqualTo("FR7630003035400005006789021");
        assertThat(statement.lines()).extracting(StatementLine::reference).containsExactly("SG0505B7712001",
                "SG0505B7712002/SG0505B7712002-1", "SG0505B7712002/SG0505B7712002-2", "SG0505C0031877", "SG0505R0000093");
        assertThat(statement.ignoredEntries()).isEqualTo(2);

        StatementLine transfer = statement.lines().get(0);
        assertThat(transfer.amount()).isEqualTo(Money.of("2640.00", "EUR"));
        assertThat(transfer.payerName()).isEqualTo("MENUISERIE GIRARD ET FILS");
        assertThat(transfer.payerIban()).isEqualTo("FR7610107001011234567890129");
        assertThat(transfer.remittance()).isEqualTo("VIR FACT F2026-000815 MENUISERIE GIRARD");
        assertThat(transfer.endToEndId()).isNull();
        assertThat(statement.lines().get(1).amount()).isEqualTo(Money.of("980.50", "EUR"));
        assertThat(statement.lines().get(2).amount()).isEqualTo(Money.of("200.00", "EUR"));
        assertThat(statement.lines().get(2).endToEndId()).isEqualTo("GLX-20260505-02");

        StatementLine cheque = statement.lines().get(3);
        assertThat(cheque.method()).isEqualTo(PaymentMethod.CHEQUE);
        assertThat(cheque.valueDate()).isEqualTo(LocalDate.parse("2026-05-06"));
        assertThat(cheque.invoiceReferences()).containsExactly("F-2026-000790");
        assertThat(cheque.remittance()).isEqualTo("REMISE CHEQUE N 0031877");

        StatementLine returned = statement.lines().get(4);
        assertThat(returned.kind()).isEqualTo(StatementLine.Kind.RETURN);
        assertThat(returned.returnReason()).isEqualTo("AM04");
        assertThat(returned.endToEndId()).isEqualTo("RELANCE-DD-000107");
    }

    @Test
    void aDirectDebitCollectionKeepsItsStructuredInvoiceReferenceAndEndToEndId() {
        StatementLine collection = reader.read(sample("camt053-2026-05-04.xml")).lines().get(2);

        assertThat(collection.method()).isEqualTo(PaymentMethod.SEPA_DIRECT_DEBIT);
        assertThat(collection.invoiceReferences()).containsExactly("FA-2026-004714");
        assertThat(collection.endToEndId()).isEqualTo("RELANCE-DD-000042");
    }

    @Test
    void anEndToEndIdNotProvidedIsNone() {
        assertThat(reader.read(sample("camt053-2026-05-04.xml")).lines().get(1).endToEndId()).isNull();
    }

    @Test
    void aReturnedDirectDebitIsAReturnLineWithItsReasonAndTheCollectionsEndToEndId() {
        BankStatement statement = reader.read(sample("camt053-2026-05-11.xml"));

        assertThat(statement.lines()).hasSize(1);
        StatementLine returned = statement.lines().get(0);
        assertThat(returned.kind()).isEqualTo(StatementLine.Kind.RETURN);
        assertThat(returned.returnReason()).isEqualTo("AM04");
        assertThat(returned.endToEndId()).isEqualTo("RELANCE-DD-000042");
        assertThat(returned.amount()).isEqualTo(Money.of("600.00", "EUR"));
    }

    @Test
    void aCamt054NotificationYieldsItsCredit() {
        BankStatement notification = reader.read(sample("camt054-2026-05-06.xml"));

        assertThat(notification.messageType()).isEqualTo("camt.054.001.08");
        assertThat(notification.lines()).singleElement()
                .satisfies(line -> assertThat(line.amount()).isEqualTo(Money.of("720.00", "EUR")));
    }

    @Test
    void anExternalEntityIsRefusedBeforeAnythingIsResolved() {
        assertThat(rejection(reader, sample("hostile-xxe.xml")).rule()).contains("DOCTYPE");
    }

    @Test
    void aBillionLaughsFileIsRefusedAtOnce() {
        StatementRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> rejection(reader, sample("hostile-billion-laughs.xml")));
        assertThat(e.rule()).contains("DOCTYPE");
    }

    @Test
    void aDocumentInAnotherNamespaceIsRefusedNamingTheNamespace() {
        assertThat(rejection(reader, sample("wrong-namespace.xml")).rule()).contains("pain.001.001.09");
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedAsTooLargeWithoutBeingParsed() {
        StatementRejectedException e = rejection(new BankStatementReader(1000), sample("camt053-2026-05-04.xml"));

        assertThat(e.tooLarge()).isTrue();
        assertThat(e.rule()).contains("at most 1000 bytes");
    }

    @Test
    void somethingThatIsNotXmlOrEmptyIsRefused() {
        assertThat(rejection(reader, "%PDF-1.7 binary".getBytes(StandardCharsets.UTF_8)).rule()).contains("well-formed");
        assertThat(rejection(reader, new byte[0]).rule()).contains("empty");
    }

    @Test
    void aDocumentInTheRightNamespaceWithoutAStatementIsRefused() {
        byte[] xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><Nothing/></Document>"""
                .getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(reader, xml).rule()).contains("valid camt.053");
    }

    @Test
    void elementsNestedTenThousandDeepAreRefusedAtOnce() {
        String nested = "<Ntry>".repeat(10_000) + "</Ntry>".repeat(10_000);
        byte[] xml = ("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\"><BkToCstmrStmt>" + nested
                + "</BkToCstmrStmt></Document>").getBytes(StandardCharsets.UTF_8);

        StatementRejectedException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> rejection(reader, xml));
        assertThat(e.rule()).contains("more than 64 deep");
    }

    @Test
    void aStatementWithoutItsGroupHeaderIsRefusedRatherThanFailing() {
        byte[] xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt><Stmt><Id>S1</Id></Stmt>
                </BkToCstmrStmt></Document>""".getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(reader, xml).rule()).contains("valid camt.053.001.08 message with its mandatory elements");
    }

    @Test
    void anXIncludeOfALocalFileIsNotFollowed() {
        byte[] xml = """
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"
                          xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file:///etc/passwd" parse="text"/></Document>"""
                .getBytes(StandardCharsets.UTF_8);

        assertThat(rejection(reader, xml).rule()).doesNotContain("root:").contains("valid camt.053");
    }
}
