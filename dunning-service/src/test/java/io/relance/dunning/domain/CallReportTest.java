package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.relance.dunning.domain.Cases.eur;
import static io.relance.dunning.domain.Cases.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallReportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);
    private static final UUID FIRST = uuid("invoice-1");
    private static final UUID SECOND = uuid("invoice-2");

    private final WorkItem oneInvoice = new WorkItem(uuid("item-1"), WorkItemKind.BROKEN_PROMISE, "C-1", null,
            List.of(FIRST), List.of("F-1"), TODAY, TODAY.minusDays(40), eur("800.00"));
    private final WorkItem statement = new WorkItem(uuid("item-2"), WorkItemKind.PHONE_TASK, "C-1", null,
            List.of(FIRST, SECOND), List.of("F-1", "F-2"), TODAY, TODAY.minusDays(30), eur("1200.00"));

    @Test
    void aPromiseToPayOnASingleInvoiceItemIsForThatInvoice() {
        CallReport report = new CallReport(CallOutcome.PROMISE_TO_PAY, TODAY.plusDays(10), new BigDecimal("800.00"),
                null, null);

        assertThat(report.promisedInvoice(oneInvoice)).contains(FIRST);
    }

    @Test
    void aPromiseToPayNeedsItsDateAndItsAmount() {
        assertThatThrownBy(() -> new CallReport(CallOutcome.PROMISE_TO_PAY, null, new BigDecimal("10"), null, null)
                .promisedInvoice(oneInvoice))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("payBy"));
        assertThatThrownBy(() -> new CallReport(CallOutcome.PROMISE_TO_PAY, TODAY, null, null, null)
                .promisedInvoice(oneInvoice))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void aPromiseOnAStatementOfSeveralInvoicesMustNameOneOfThem() {
        assertThatThrownBy(() -> new CallReport(CallOutcome.PROMISE_TO_PAY, TODAY, BigDecimal.TEN, null, null)
                .promisedInvoice(statement))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("invoiceId"));
        assertThatThrownBy(() -> new CallReport(CallOutcome.PROMISE_TO_PAY, TODAY, BigDecimal.TEN, uuid("other"), null)
                .promisedInvoice(statement))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.rule()).contains("item's invoices"));
        assertThat(new CallReport(CallOutcome.PROMISE_TO_PAY, TODAY, BigDecimal.TEN, SECOND, null)
                .promisedInvoice(statement)).contains(SECOND);
    }

    @Test
    void otherOutcomesPromiseNothing() {
        assertThat(new CallReport(CallOutcome.REACHED, null, null, null, "will check with accounting")
                .promisedInvoice(statement)).isEmpty();
    }

    @Test
    void aCallNobodyAnsweredLeavesTheItemOnTheListAndAnyOtherOutcomeCompletesIt() {
        assertThat(CallOutcome.NO_ANSWER.completesTheItem()).isFalse();
        assertThat(List.of(CallOutcome.REACHED, CallOutcome.PROMISE_TO_PAY, CallOutcome.DISPUTE))
                .allMatch(CallOutcome::completesTheItem);
    }
}
