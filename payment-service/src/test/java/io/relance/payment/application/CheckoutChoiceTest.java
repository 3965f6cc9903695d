package io.relance.payment.application;

import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.domain.PaymentRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckoutChoiceTest {

    private static OpenItem invoice(String number, String amount, String currency) {
        return new OpenItem(UUID.randomUUID(), "C-1", number, LocalDate.parse("2026-04-01"), Money.of(amount, currency));
    }

    private final OpenItem first = invoice("F-1001", "100.00", "EUR");
    private final OpenItem second = invoice("F-1002", "50.00", "EUR");
    private final OpenItem dollars = invoice("F-1003", "70.00", "USD");
    private final List<OpenItem> open = List.of(first, second, dollars);

    @Test
    void thePayerPaysTheOpenInvoicesItChoseOnceEach() {
        assertThat(StartCheckout.chosen(open, List.of(second.invoiceId(), first.invoiceId(), second.invoiceId())))
                .containsExactly(second, first);
    }

    @Test
    void anInvoiceThatIsNotAnOpenInvoiceOfTheLinksCustomerIsRefusedByPosition() {
        assertThatThrownBy(() -> StartCheckout.chosen(open, List.of(first.invoiceId(), UUID.randomUUID())))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.field()).isEqualTo("invoiceIds[1]"));
    }

    @Test
    void invoicesInTwoCurrenciesCannotBePaidInOneCheckout() {
        assertThatThrownBy(() -> StartCheckout.chosen(open, List.of(first.invoiceId(), dollars.invoiceId())))
                .isInstanceOfSatisfying(PaymentRuleViolation.class, e -> assertThat(e.rule()).contains("one currency"));
    }

    @Test
    void nothingChosenIsRefused() {
        assertThatThrownBy(() -> StartCheckout.chosen(open, List.of())).isInstanceOf(PaymentRuleViolation.class);
    }
}
