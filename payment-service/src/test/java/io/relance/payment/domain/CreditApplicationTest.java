package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreditApplicationTest {

    private static final UUID OLDER = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID NEWER = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID DOLLARS = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private static OpenItem invoice(String customer, String open, String currency) {
        return new OpenItem(UUID.randomUUID(), customer, "F-2026-0100", LocalDate.parse("2026-06-01"), Money.of(open, currency));
    }

    private final List<CreditApplication.Credit> credits = List.of(
            new CreditApplication.Credit(NEWER, LocalDate.parse("2026-05-10"), Money.of("40.00", "EUR")),
            new CreditApplication.Credit(OLDER, LocalDate.parse("2026-05-01"), Money.of("30.00", "EUR")),
            new CreditApplication.Credit(DOLLARS, LocalDate.parse("2026-04-01"), Money.of("500.00", "USD")));

    @Test
    void theOldestCreditIsUsedFirstAndNoMoreThanTheInvoiceOwes() {
        List<CreditApplication.Use> uses = CreditApplication.apply("ACME", invoice("ACME", "50.00", "EUR"), credits, null);

        assertThat(uses).containsExactly(new CreditApplication.Use(OLDER, Money.of("30.00", "EUR")),
                new CreditApplication.Use(NEWER, Money.of("20.00", "EUR")));
    }

    @Test
    void allTheCreditGoesToAnInvoiceOwingMore() {
        List<CreditApplication.Use> uses = CreditApplication.apply("ACME", invoice("ACME", "1000.00", "EUR"), credits, null);

        assertThat(uses).extracting(u -> u.amount().amount().toPlainString()).containsExactly("30.00", "40.00");
    }

    @Test
    void aRequestedAmountIsTakenExactly() {
        assertThat(CreditApplication.apply("ACME", invoice("ACME", "1000.00", "EUR"), credits, Money.of("10.00", "EUR")))
                .containsExactly(new CreditApplication.Use(OLDER, Money.of("10.00", "EUR")));
    }

    @Test
    void creditInAnotherCurrencyIsNeverUsed() {
        assertThatThrownBy(() -> CreditApplication.apply("ACME", invoice("ACME", "100.00", "GBP"), credits, null))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.rule()).contains("no unapplied credit in GBP"));
    }

    @Test
    void anotherCustomersInvoiceOrASettledOneIsRefused() {
        assertThatThrownBy(() -> CreditApplication.apply("ACME", invoice("GLOBEX", "100.00", "EUR"), credits, null))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.field()).isEqualTo("invoiceId"));
        assertThatThrownBy(() -> CreditApplication.apply("ACME", invoice("ACME", "0.00", "EUR"), credits, null))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.field()).isEqualTo("invoiceId"));
    }

    @Test
    void anAmountAboveWhatIsOwedOrAboveTheCreditIsRefused() {
        assertThatThrownBy(() -> CreditApplication.apply("ACME", invoice("ACME", "50.00", "EUR"), credits, Money.of("60.00", "EUR")))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.rule()).contains("open amount"));
        assertThatThrownBy(() -> CreditApplication.apply("ACME", invoice("ACME", "500.00", "EUR"), credits, Money.of("80.00", "EUR")))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.rule()).contains("unapplied credit"));
    }
}
