package io.relance.invoice.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisputeTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-03-10");
    private final Invoice invoice = Invoice.issue(new Invoice.Submission("C-1", "sap-fr", "F-1", "sap-fr", "X-1",
            TODAY, TODAY.plusDays(30), eur("1000")), Instant.parse("2026-03-10T09:00:00Z"));

    @Test
    void aDisputeIsOpenUntilResolved() {
        Dispute dispute = Dispute.open(invoice, Dispute.Reason.QUALITY, eur("350"), "damaged", TODAY);
        assertThat(dispute.isOpen()).isTrue();

        Dispute rejected = dispute.resolve(Dispute.Outcome.REJECTED, TODAY.plusDays(3), "signed without reserve");
        assertThat(rejected.isOpen()).isFalse();
        assertThat(rejected.outcome()).isEqualTo(Dispute.Outcome.REJECTED);
    }

    @Test
    void anInvoiceWithAnOpenDisputeCannotBeDisputedAgain() {
        Invoice disputed = invoice.markDisputed(true);

        assertThatThrownBy(() -> Dispute.open(disputed, Dispute.Reason.PRICE, eur("10"), null, TODAY))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.rule()).contains("open dispute"));
    }

    @Test
    void theDisputedAmountMayNotExceedWhatIsOpen() {
        assertThatThrownBy(() -> Dispute.open(invoice.registerPayment(eur("800")), Dispute.Reason.PRICE, eur("200.01"), null, TODAY))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("disputedAmount"));
    }

    @Test
    void aSettledOrCancelledInvoiceCannotBeDisputed() {
        assertThatThrownBy(() -> Dispute.open(invoice.credit(eur("1000")), Dispute.Reason.PRICE, eur("1"), null, TODAY))
                .isInstanceOf(InvoiceRuleViolation.class);
        assertThatThrownBy(() -> Dispute.open(invoice.cancel(), Dispute.Reason.PRICE, eur("1"), null, TODAY))
                .isInstanceOf(InvoiceRuleViolation.class);
    }

    @Test
    void aResolvedDisputeCannotBeResolvedAgain() {
        Dispute resolved = Dispute.open(invoice, Dispute.Reason.DUPLICATE, eur("1000"), null, TODAY)
                .resolve(Dispute.Outcome.ACCEPTED, TODAY, null);

        assertThatThrownBy(() -> resolved.resolve(Dispute.Outcome.REJECTED, TODAY, null))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("disputeId"));
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), Money.currency("EUR"));
    }
}
