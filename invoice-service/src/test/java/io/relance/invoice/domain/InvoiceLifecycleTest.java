package io.relance.invoice.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceLifecycleTest {

    private static final LocalDate ISSUED = LocalDate.parse("2026-03-02");
    private final Invoice invoice = Invoice.issue(new Invoice.Submission("C-1", "sap-fr", "F-1", "sap-fr", "X-1",
            ISSUED, ISSUED.plusDays(30), eur("1000")), Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void aPartialPaymentLeavesTheRestOpen() {
        Invoice paid = invoice.registerPayment(eur("400"));

        assertThat(paid.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(paid.openAmount()).isEqualTo(eur("600"));
    }

    @Test
    void paymentsCoveringTheBalanceMakeItPaidAndAReversalReopensIt() {
        Invoice paid = invoice.registerPayment(eur("400")).registerPayment(eur("600"));
        assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);

        Invoice reversed = paid.reversePayment(eur("600"));
        assertThat(reversed.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(reversed.openAmount()).isEqualTo(eur("600"));
    }

    @Test
    void aCreditNoteCoveringTheWholeBalanceMakesItCredited() {
        assertThat(invoice.credit(eur("1000")).status()).isEqualTo(InvoiceStatus.CREDITED);
        assertThat(invoice.credit(eur("300")).status()).isEqualTo(InvoiceStatus.OPEN);
    }

    @Test
    void aCreditNoteMayNotExceedTheOpenAmount() {
        Invoice partlyPaid = invoice.registerPayment(eur("900"));

        assertThatThrownBy(() -> partlyPaid.credit(eur("100.01")))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(partlyPaid.credit(eur("100")).status()).isEqualTo(InvoiceStatus.PAID);
    }

    @Test
    void aCreditNoteInAnotherCurrencyIsRefused() {
        assertThatThrownBy(() -> invoice.credit(new Money(new BigDecimal("10"), Money.currency("USD"))))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }

    @Test
    void aCancelledInvoiceOwesNothingAndCannotBeCreditedOrWrittenOff() {
        Invoice cancelled = invoice.cancel();

        assertThat(cancelled.openAmount().isPositive()).isFalse();
        assertThatThrownBy(() -> cancelled.credit(eur("1"))).isInstanceOf(InvoiceRuleViolation.class);
        assertThatThrownBy(cancelled::writeOff).isInstanceOf(InvoiceRuleViolation.class);
    }

    @Test
    void anInvoiceWithPaymentsCannotBeCancelled() {
        assertThatThrownBy(() -> invoice.registerPayment(eur("1")).cancel()).isInstanceOf(InvoiceRuleViolation.class);
    }

    @Test
    void aWriteOffTakesTheOpenBalanceOutAndStaysWrittenOffWhenALatePaymentArrives() {
        Invoice writtenOff = invoice.registerPayment(eur("250")).writeOff();
        assertThat(writtenOff.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);

        Invoice latePayment = writtenOff.registerPayment(eur("100"));
        assertThat(latePayment.status()).isEqualTo(InvoiceStatus.WRITTEN_OFF);
        assertThat(latePayment.paid()).isEqualTo(eur("350"));
    }

    @Test
    void aSettledInvoiceCannotBeWrittenOff() {
        assertThatThrownBy(() -> invoice.credit(eur("1000")).writeOff()).isInstanceOf(InvoiceRuleViolation.class);
    }

    @Test
    void theSameSourceReferenceAlwaysGivesTheSameInvoiceId() {
        Invoice.Submission again = new Invoice.Submission("C-1", "sap-fr", "F-1", "sap-fr", "X-1", ISSUED,
                ISSUED.plusDays(30), eur("1000"));
        Invoice.Submission other = new Invoice.Submission("C-1", "sap-fr", "F-1", "sap-fr", "X-2", ISSUED,
                ISSUED.plusDays(30), eur("1000"));

        assertThat(again.invoiceId()).isEqualTo(invoice.id());
        assertThat(other.invoiceId()).isNotEqualTo(invoice.id());
    }

    @Test
    void anInvoiceIsOverdueTheDayAfterItsDueDateWhileSomethingIsOpen() {
        assertThat(invoice.isOverdueOn(ISSUED.plusDays(30))).isFalse();
        assertThat(invoice.isOverdueOn(ISSUED.plusDays(31))).isTrue();
        assertThat(invoice.credit(eur("1000")).isOverdueOn(ISSUED.plusDays(31))).isFalse();
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), Money.currency("EUR"));
    }
}
