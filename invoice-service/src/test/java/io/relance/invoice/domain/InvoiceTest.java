package io.relance.invoice.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final LocalDate ISSUED = LocalDate.parse("2026-03-02");

    @Test
    void aNewInvoiceIsOpenForItsWholeAmount() {
        Invoice invoice = Invoice.issue(submission(ISSUED.plusDays(30), eur("1200.5")), NOW);

        assertThat(invoice.openAmount()).isEqualTo(invoice.amount());
        assertThat(invoice.amount().amount()).isEqualByComparingTo("1200.50");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void anInvoiceOfZeroIsRefusedNamingTheAmount() {
        assertThatThrownBy(() -> Invoice.issue(submission(ISSUED, eur("0.00")), NOW))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void aDueDateBeforeTheIssueDateIsRefused() {
        assertThatThrownBy(() -> Invoice.issue(submission(ISSUED.minusDays(1), eur("10")), NOW))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("dueDate"));
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefused() {
        assertThatThrownBy(() -> eur("10.001"))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.rule()).contains("at most 2 decimals"));
        assertThatThrownBy(() -> new Money(new BigDecimal("5.5"), Money.currency("JPY")))
                .isInstanceOf(InvoiceRuleViolation.class);
    }

    @Test
    void anUnknownCurrencyIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Money.currency("EURO"))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.currency("XYZ"))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }

    @Test
    void aResubmissionNamesEveryFieldThatDiffers() {
        Invoice invoice = Invoice.issue(submission(ISSUED.plusDays(30), eur("100")), NOW);

        assertThat(invoice.differencesFrom(new Invoice.Submission("C-2", "sap-fr", "F-2", "sap-fr", "X-1", ISSUED,
                ISSUED.plusDays(45), eur("100.00")))).containsExactly("customerId", "invoiceNumber", "dueDate");
        assertThat(invoice.differencesFrom(submission(ISSUED.plusDays(30), eur("100.00")))).isEmpty();
    }

    @Test
    void termsBeyondTheLegalCeilingAreAcceptedButFlagged() {
        assertThat(Invoice.issue(submission(ISSUED.plusDays(90), eur("10")), NOW).beyondLegalTerms()).isTrue();
        assertThat(Invoice.issue(submission(ISSUED.plusDays(60), eur("10")), NOW).beyondLegalTerms()).isFalse();
    }

    private static Invoice.Submission submission(LocalDate dueDate, Money amount) {
        return new Invoice.Submission("C-1", "sap-fr", "F-1", "sap-fr", "X-1", ISSUED, dueDate, amount);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), Money.currency("EUR"));
    }
}
