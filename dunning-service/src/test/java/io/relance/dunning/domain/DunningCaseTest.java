package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.relance.dunning.domain.Cases.EUR;
import static io.relance.dunning.domain.Cases.eur;
import static io.relance.dunning.domain.Cases.issued;
import static io.relance.dunning.domain.Cases.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DunningCaseTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    @Test
    void aPartialPaymentLowersTheAmountClaimedAndKeepsTheCaseOpen() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");

        assertThat(dunningCase.registerPayment(eur("400.00"), DUE)).isEmpty();
        assertThat(dunningCase.openAmount()).isEqualTo(eur("600.00"));
        assertThat(dunningCase.isClosed()).isFalse();
    }

    @Test
    void fullPaymentClosesTheCaseWithTheAmountRecovered() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");
        dunningCase.registerPayment(eur("400.00"), DUE);

        CaseClosed closed = dunningCase.registerPayment(eur("600.00"), DUE.plusDays(3)).orElseThrow();

        assertThat(closed.reason()).isEqualTo(ClosureReason.PAID);
        assertThat(closed.amountRecovered()).isEqualTo(eur("1000.00"));
        assertThat(closed.closedOn()).isEqualTo(DUE.plusDays(3));
    }

    @Test
    void aCreditNoteCoveringTheBalanceClosesTheCaseAsCredited() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");
        dunningCase.registerPayment(eur("300.00"), DUE);

        assertThat(dunningCase.applyCredit(eur("700.00"), DUE).map(CaseClosed::reason)).contains(ClosureReason.CREDITED);
    }

    @Test
    void cancellationAndWriteOffCloseTheCaseOnce() {
        DunningCase cancelled = issued(1, DUE, "1000.00");
        DunningCase writtenOff = issued(2, DUE, "1000.00");

        assertThat(cancelled.cancel(DUE).map(CaseClosed::reason)).contains(ClosureReason.CANCELLED);
        assertThat(cancelled.cancel(DUE)).isEmpty();
        assertThat(writtenOff.writeOff(DUE).map(CaseClosed::reason)).contains(ClosureReason.WRITTEN_OFF);
    }

    @Test
    void aPaymentArrivingBeforeItsInvoiceCountsWhenTheInvoiceArrives() {
        DunningCase dunningCase = new DunningCase(uuid("case"), uuid("invoice"), "C-1", EUR);
        dunningCase.registerPayment(eur("1000.00"), DUE);

        var closed = dunningCase.issue(new DunningCase.InvoiceDetails("F-1", DUE.minusDays(30), DUE,
                eur("1000.00")), DUE);

        assertThat(closed.map(CaseClosed::reason)).contains(ClosureReason.PAID);
    }

    @Test
    void aReversedPaymentReopensACaseItHadSettled() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");
        dunningCase.registerPayment(eur("1000.00"), DUE);

        dunningCase.reversePayment(eur("1000.00"));

        assertThat(dunningCase.isClosed()).isFalse();
        assertThat(dunningCase.openAmount()).isEqualTo(eur("1000.00"));
    }

    @Test
    void insolvencyClosesTheCaseAndKeepsTheClaimDeadline() {
        Debtor debtor = Debtor.newCustomer("C-1");
        DunningCase dunningCase = issued(1, DUE, "1000.00");

        LocalDate deadline = debtor.enterInsolvency(LocalDate.of(2026, 4, 10));
        var closed = dunningCase.closeForInsolvency(LocalDate.of(2026, 4, 12), deadline);

        assertThat(deadline).isEqualTo(LocalDate.of(2026, 6, 10));
        assertThat(closed.map(CaseClosed::reason)).contains(ClosureReason.INSOLVENCY);
        assertThat(dunningCase.claimDeclarationDeadline()).contains(LocalDate.of(2026, 6, 10));
        assertThat(debtor.isInsolvent()).isTrue();
    }

    @Test
    void aCaseIsDisputedSinceItsOldestOpenDisputeUntilTheLastOneIsResolved() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");

        dunningCase.openDispute(uuid("later"), DUE.plusDays(10));
        dunningCase.openDispute(uuid("earlier"), DUE.plusDays(4));
        dunningCase.resolveDispute(uuid("earlier"), false);

        assertThat(dunningCase.disputedSince()).contains(DUE.plusDays(4));
        dunningCase.resolveDispute(uuid("later"), false);
        assertThat(dunningCase.disputedSince()).isEmpty();
        assertThat(dunningCase.isDisputed()).isFalse();
    }

    @Test
    void aCustomerIsAssignedToOneCollectorAndABlankNameIsRefused() {
        Debtor debtor = Debtor.newCustomer("C-1");

        debtor.assignTo(" alice ");

        assertThat(debtor.assignee()).contains("alice");
        assertThatThrownBy(() -> debtor.assignTo("  "))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("assignee"));
        debtor.assignTo(null);
        assertThat(debtor.assignee()).isEmpty();
    }

    @Test
    void aPromiseInThePastIsRefused() {
        assertThatThrownBy(() -> PromiseToPay.make(DUE, DUE.minusDays(1), eur("100"), eur("1000"), 3))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("payBy"));
    }

    @Test
    void aPromiseOfMoreThanTheOpenAmountIsRefused() {
        assertThatThrownBy(() -> PromiseToPay.make(DUE, DUE.plusDays(5), eur("1000.01"), eur("1000"), 3))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void aHoldEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> new ManualHold("customer on holiday", DUE, DUE.minusDays(1)))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("endsOn"));
    }

    @Test
    void aHoldIsActiveFromItsFirstToItsLastDayIncluded() {
        ManualHold hold = new ManualHold("audit", DUE, DUE.plusDays(2));

        assertThat(hold.isActiveOn(DUE.minusDays(1))).isFalse();
        assertThat(hold.isActiveOn(DUE)).isTrue();
        assertThat(hold.isActiveOn(DUE.plusDays(2))).isTrue();
        assertThat(hold.isActiveOn(DUE.plusDays(3))).isFalse();
    }

    @Test
    void aPlanWhoseInstalmentsDoNotAddUpToTheBalanceIsRefused() {
        List<Instalment> instalments = List.of(new Instalment(DUE.plusDays(10), eur("400")),
                new Instalment(DUE.plusDays(40), eur("500")));

        assertThatThrownBy(() -> PaymentPlan.agree(DUE, instalments, eur("1000"), 3))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> {
                    assertThat(e.field()).isEqualTo("instalments");
                    assertThat(e.rule()).contains("add up to the open balance 1000.00");
                });
    }

    @Test
    void aPlanWithInstalmentsOutOfOrderIsRefused() {
        List<Instalment> instalments = List.of(new Instalment(DUE.plusDays(40), eur("500")),
                new Instalment(DUE.plusDays(10), eur("500")));

        assertThatThrownBy(() -> PaymentPlan.agree(DUE, instalments, eur("1000"), 3))
                .isInstanceOfSatisfying(DunningRuleViolation.class,
                        e -> assertThat(e.field()).isEqualTo("instalments[1].dueOn"));
    }

    @Test
    void aPromiseOnAnInvoiceNotYetKnownIsRefused() {
        DunningCase unknown = new DunningCase(uuid("case"), uuid("invoice"), "C-1", EUR);

        assertThatThrownBy(() -> unknown.promise(PromiseToPay.make(DUE, DUE.plusDays(3), eur("1"), eur("10"), 0)))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("invoiceId"));
    }
}
