package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManualMatchTest {

    private static final OpenItem A = item("ACME", "F-1", "300.00", "EUR");
    private static final OpenItem B = item("ACME", "F-2", "200.00", "EUR");
    private static final OpenItem OTHER = item("GLOBEX", "G-1", "100.00", "EUR");
    private static final OpenItem USD = item("ACME", "F-3", "100.00", "USD");
    private static final List<OpenItem> ITEMS = List.of(A, B, OTHER, USD);

    private static OpenItem item(String customer, String number, String open, String currency) {
        return new OpenItem(UUID.randomUUID(), customer, number, LocalDate.parse("2026-04-01"), Money.of(open, currency));
    }

    private static PaymentAllocation allocate(OpenItem item, String amount) {
        return new PaymentAllocation(item.invoiceId(), Money.of(amount, "EUR"));
    }

    private static String fieldOfViolation(List<PaymentAllocation> allocations) {
        try {
            ManualMatch.decide(Money.of("400.00", "EUR"), ITEMS, allocations);
        } catch (PaymentRuleViolation e) {
            return e.field();
        }
        throw new AssertionError("no violation");
    }

    @Test
    void aSplitOverTwoInvoicesLeavesTheRestAsUnappliedCredit() {
        MatchDecision.Matched matched = ManualMatch.decide(Money.of("400.00", "EUR"), ITEMS,
                List.of(allocate(A, "250.00"), allocate(B, "100.00")));

        assertThat(matched.customerId()).isEqualTo("ACME");
        assertThat(matched.rule()).isEqualTo(MatchRule.MANUAL);
        assertThat(matched.unapplied()).isEqualTo(Money.of("50.00", "EUR"));
    }

    @Test
    void moreThanTheOpenAmountOfAnInvoiceIsRefused() {
        assertThat(fieldOfViolation(List.of(allocate(B, "200.01")))).isEqualTo("allocations[0].amount");
    }

    @Test
    void moreThanThePaymentIsRefused() {
        assertThat(fieldOfViolation(List.of(allocate(A, "300.00"), allocate(B, "150.00")))).isEqualTo("allocations");
    }

    @Test
    void invoicesOfTwoCustomersAreRefused() {
        assertThat(fieldOfViolation(List.of(allocate(A, "10.00"), allocate(OTHER, "10.00")))).isEqualTo("allocations[1].invoiceId");
    }

    @Test
    void anInvoiceInAnotherCurrencyIsRefused() {
        assertThat(fieldOfViolation(List.of(allocate(USD, "10.00")))).isEqualTo("allocations[0].invoiceId");
    }

    @Test
    void anUnknownOrRepeatedInvoiceIsRefused() {
        assertThat(fieldOfViolation(List.of(new PaymentAllocation(UUID.randomUUID(), Money.of("1.00", "EUR")))))
                .isEqualTo("allocations[0].invoiceId");
        assertThat(fieldOfViolation(List.of(allocate(A, "1.00"), allocate(A, "1.00")))).isEqualTo("allocations[1].invoiceId");
        assertThatThrownBy(() -> ManualMatch.decide(Money.of("1.00", "EUR"), ITEMS, List.of()))
                .isInstanceOf(PaymentRuleViolation.class);
    }
}
