package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static io.relance.dunning.domain.Cases.eur;
import static io.relance.dunning.domain.Cases.issued;
import static io.relance.dunning.domain.Cases.uuid;
import static org.assertj.core.api.Assertions.assertThat;

class DunningEngineTest {

    /** A Monday: the default policy's steps fall on 02-27, 03-09, 03-23, 04-01, 04-16 and 05-04 (05-01 is a holiday). */
    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    private static final LocalDate FIRST_REMINDER_DAY = LocalDate.of(2026, 3, 9);
    private static final LocalDate FORMAL_NOTICE_DAY = LocalDate.of(2026, 4, 16);

    private final DunningEngine engine = new DunningEngine(new FrenchBusinessCalendar(),
            new LatePaymentCharges(LatePaymentChargesTest.RATES));
    private final Policy policy = FrenchB2bPolicy.create();
    private final Debtor debtor = Debtor.newCustomer(Cases.CUSTOMER);

    @Test
    void oneReminderListsEveryInvoiceOfTheCustomerAtThatStep() {
        DunningCase first = issued(1, DUE, "1000.00");
        DunningCase second = issued(2, DUE, "250.50");

        DunningRun run = engine.evaluate(debtor, policy, List.of(first, second), FIRST_REMINDER_DAY);

        assertThat(run.reminders()).hasSize(1);
        Reminder reminder = run.reminders().get(0);
        assertThat(reminder.stepIndex()).isEqualTo(1);
        assertThat(reminder.channels()).containsExactly(Channel.EMAIL);
        assertThat(reminder.lines()).extracting(ReminderLine::invoiceNumber).containsExactly("F-1", "F-2");
        assertThat(reminder.totalOpen()).isEqualTo(eur("1250.50"));
        assertThat(reminder.totalLateInterest()).isNull();
    }

    @Test
    void invoicesAtDifferentStepsGetOneReminderPerStep() {
        DunningCase older = issued(1, DUE.minusDays(14), "100.00");
        DunningCase newer = issued(2, DUE, "200.00");

        DunningRun run = engine.evaluate(debtor, policy, List.of(older, newer), FIRST_REMINDER_DAY);

        assertThat(run.reminders()).extracting(Reminder::stepIndex).containsExactly(1, 2);
    }

    @Test
    void aStepIsNeverRepeated() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");
        engine.evaluate(debtor, policy, List.of(dunningCase), FIRST_REMINDER_DAY).commit();

        DunningRun again = engine.evaluate(debtor, policy, List.of(dunningCase), FIRST_REMINDER_DAY);
        DunningRun nextDay = engine.evaluate(debtor, policy, List.of(dunningCase), FIRST_REMINDER_DAY.plusDays(1));

        assertThat(again.isEmpty()).isTrue();
        assertThat(nextDay.isEmpty()).isTrue();
        assertThat(dunningCase.lastStepIndex()).isEqualTo(1);
    }

    @Test
    void anInvoiceArrivingLateGetsOneMessageAtTheStepItReachedNotABurst() {
        DunningCase late = issued(1, DUE, "1000.00");

        DunningRun run = engine.evaluate(debtor, policy, List.of(late), DUE.plusDays(50));
        run.commit();

        assertThat(run.reminders()).singleElement().satisfies(r -> assertThat(r.stepIndex()).isEqualTo(4));
        assertThat(late.lastStepIndex()).isEqualTo(4);
        assertThat(engine.evaluate(debtor, policy, List.of(late), DUE.plusDays(51)).isEmpty()).isTrue();
    }

    @Test
    void theSameFactsOnTheSameDayGiveTheSameReminderId() {
        UUID first = engine.evaluate(debtor, policy, List.of(issued(1, DUE, "10.00")), FIRST_REMINDER_DAY)
                .reminders().get(0).reminderId();
        UUID second = engine.evaluate(debtor, policy, List.of(issued(1, DUE, "10.00")), FIRST_REMINDER_DAY)
                .reminders().get(0).reminderId();
        UUID otherInvoices = engine.evaluate(debtor, policy, List.of(issued(2, DUE, "10.00")), FIRST_REMINDER_DAY)
                .reminders().get(0).reminderId();

        assertThat(first).isEqualTo(second).isNotEqualTo(otherInvoices);
    }

    @Test
    void aPartialPaymentLowersTheAmountOnTheNextReminder() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");
        dunningCase.registerPayment(eur("350.00"), DUE.plusDays(2));

        Reminder reminder = engine.evaluate(debtor, policy, List.of(dunningCase), FIRST_REMINDER_DAY)
                .reminders().get(0);

        assertThat(reminder.lines().get(0).amountOpen()).isEqualTo(eur("650.00"));
    }

    @Test
    void aClosedCaseIsNeverReminded() {
        DunningCase paid = issued(1, DUE, "1000.00");
        paid.registerPayment(eur("1000.00"), DUE);

        assertThat(engine.evaluate(debtor, policy, List.of(paid), FIRST_REMINDER_DAY).isEmpty()).isTrue();
    }

    @Test
    void nothingIsSentOnAWeekendAndTheStepMovesToTheNextBusinessDay() {
        DunningCase dunningCase = issued(1, LocalDate.of(2026, 3, 30), "1000.00");

        // D+7 is Easter Monday 2026-04-06
        assertThat(engine.evaluate(debtor, policy, List.of(dunningCase), LocalDate.of(2026, 4, 6))
                .reminders()).isEmpty();
        assertThat(engine.evaluate(debtor, policy, List.of(dunningCase), LocalDate.of(2026, 4, 4))
                .reminders()).isEmpty();
        assertThat(engine.evaluate(debtor, policy, List.of(dunningCase), LocalDate.of(2026, 4, 7))
                .reminders()).singleElement().satisfies(r -> assertThat(r.stepIndex()).isEqualTo(1));
    }

    @Test
    void theFormalNoticeCarriesLateInterestTheIndemnityAndADeadline() {
        Reminder notice = engine.evaluate(debtor, policy, List.of(issued(1, DUE, "10000.00"), issued(2, DUE, "500.00")),
                FORMAL_NOTICE_DAY).reminders().get(0);

        assertThat(notice.stepIndex()).isEqualTo(FrenchB2bPolicy.FORMAL_NOTICE_STEP);
        assertThat(notice.step().tone()).isEqualTo(Tone.FORMAL);
        assertThat(notice.lines().get(0).lateInterest()).isEqualTo(eur("147.95"));
        assertThat(notice.lines()).allSatisfy(l -> assertThat(l.recoveryIndemnity()).isEqualTo(eur("40.00")));
        assertThat(notice.totalRecoveryIndemnity()).isEqualTo(eur("80.00"));
        assertThat(notice.totalLateInterest()).isEqualTo(eur("155.35"));
        // 16 April + 8 days is Friday 24 April
        assertThat(notice.responseDeadline()).isEqualTo(LocalDate.of(2026, 4, 24));
    }

    @Test
    void aContractRateIsUsedForTheLateInterest() {
        debtor.agreeContractRate(new BigDecimal("15"));

        Reminder notice = engine.evaluate(debtor, policy, List.of(issued(1, DUE, "10000.00")), FORMAL_NOTICE_DAY)
                .reminders().get(0);

        // 10000 x 15% x 45 / 365
        assertThat(notice.lines().get(0).lateInterest()).isEqualTo(eur("184.93"));
    }

    @Test
    void theHandOverEscalatesInvoicesAboveTheThresholdAndSkipsTheOthers() {
        DunningCase large = issued(1, DUE, "5000.00");
        DunningCase small = issued(2, DUE, "200.00");
        engine.evaluate(debtor, policy, List.of(large, small), FORMAL_NOTICE_DAY).commit();

        DunningRun handOver = engine.evaluate(debtor, policy, List.of(large, small), LocalDate.of(2026, 5, 4));
        handOver.commit();

        assertThat(handOver.reminders()).isEmpty();
        assertThat(handOver.escalations()).singleElement().satisfies(e -> {
            assertThat(e.invoiceId()).isEqualTo(large.invoiceId());
            assertThat(e.handOver()).isTrue();
            assertThat(e.fromStepIndex()).isEqualTo(4);
            assertThat(e.toStepIndex()).isEqualTo(5);
            assertThat(e.reason()).isEqualTo(EscalationReason.SCHEDULE);
            // 5000 x 12.00% x 63 days (03-03 to 05-04) / 365, and the indemnity: what the agency claims that day.
            assertThat(e.lateInterest()).isEqualTo(eur("103.56"));
            assertThat(e.recoveryIndemnity()).isEqualTo(eur("40.00"));
        });
        assertThat(small.lastStepIndex()).isEqualTo(5);
    }

    @Test
    void aDisputedInvoiceIsNotRemindedUntilTheDisputeIsResolved() {
        DunningCase disputed = issued(1, DUE, "1000.00");
        disputed.openDispute(uuid("dispute"), DUE.plusDays(1));

        assertThat(engine.evaluate(debtor, policy, List.of(disputed), FIRST_REMINDER_DAY).isEmpty()).isTrue();

        disputed.resolveDispute(uuid("dispute"), false);
        assertThat(engine.evaluate(debtor, policy, List.of(disputed), FIRST_REMINDER_DAY).reminders()).hasSize(1);
    }

    @Test
    void aDisputeResolvedByACreditWaitsForTheCreditNote() {
        DunningCase disputed = issued(1, DUE, "1000.00");
        disputed.openDispute(uuid("dispute"), DUE.plusDays(1));
        disputed.resolveDispute(uuid("dispute"), true);

        assertThat(engine.evaluate(debtor, policy, List.of(disputed), FIRST_REMINDER_DAY).isEmpty()).isTrue();
        assertThat(disputed.applyCredit(eur("1000.00"), FIRST_REMINDER_DAY).map(CaseClosed::reason))
                .contains(ClosureReason.CREDITED);
    }

    @Test
    void aPromiseToPayHoldsUntilItsDatePlusGrace() {
        DunningCase promised = issued(1, DUE, "1000.00");
        promised.promise(PromiseToPay.make(DUE, LocalDate.of(2026, 3, 20), eur("1000.00"), promised.openAmount(), 3));

        assertThat(engine.evaluate(debtor, policy, List.of(promised), FIRST_REMINDER_DAY).isEmpty()).isTrue();
        assertThat(engine.evaluate(debtor, policy, List.of(promised), LocalDate.of(2026, 3, 23)).isEmpty()).isTrue();
    }

    @Test
    void aBrokenPromiseEscalatesToTheNextStepAtOnce() {
        DunningCase promised = issued(1, DUE, "1000.00");
        engine.evaluate(debtor, policy, List.of(promised), FIRST_REMINDER_DAY).commit();
        promised.promise(PromiseToPay.make(FIRST_REMINDER_DAY, LocalDate.of(2026, 3, 12), eur("1000.00"),
                promised.openAmount(), 3));

        // 12 March + 3 days of grace = 15 March; Monday 16th is the first business day after
        DunningRun run = engine.evaluate(debtor, policy, List.of(promised), LocalDate.of(2026, 3, 16));
        run.commit();

        assertThat(run.escalations()).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(EscalationReason.BROKEN_PROMISE);
            assertThat(e.toStepIndex()).isEqualTo(2);
        });
        assertThat(run.reminders()).singleElement().satisfies(r -> assertThat(r.stepIndex()).isEqualTo(2));
        assertThat(promised.promise()).isEmpty();
    }

    @Test
    void aKeptPromiseEndsAndDunningResumesOnSchedule() {
        DunningCase promised = issued(1, DUE, "1000.00");
        promised.promise(PromiseToPay.make(DUE, LocalDate.of(2026, 3, 20), eur("400.00"), promised.openAmount(), 3));
        promised.registerPayment(eur("400.00"), LocalDate.of(2026, 3, 19));

        DunningRun run = engine.evaluate(debtor, policy, List.of(promised), LocalDate.of(2026, 3, 23));
        run.commit();

        assertThat(run.reminders()).singleElement().satisfies(r -> {
            assertThat(r.stepIndex()).isEqualTo(2);
            assertThat(r.totalOpen()).isEqualTo(eur("600.00"));
        });
        assertThat(run.escalations()).isEmpty();
        assertThat(promised.promise()).isEmpty();
    }

    @Test
    void aPaymentPlanHonouredSuspendsDunning() {
        DunningCase planned = issued(1, DUE, "900.00");
        planned.agreePlan(PaymentPlan.agree(DUE, List.of(new Instalment(LocalDate.of(2026, 3, 10), eur("300.00")),
                new Instalment(LocalDate.of(2026, 4, 10), eur("600.00"))), planned.openAmount(), 2));
        planned.registerPayment(eur("300.00"), LocalDate.of(2026, 3, 10));

        assertThat(engine.evaluate(debtor, policy, List.of(planned), LocalDate.of(2026, 3, 23)).isEmpty()).isTrue();
    }

    @Test
    void aMissedInstalmentBreaksThePlanAndTheBalanceReturnsToDunning() {
        DunningCase planned = issued(1, DUE, "900.00");
        planned.agreePlan(PaymentPlan.agree(DUE, List.of(new Instalment(LocalDate.of(2026, 3, 10), eur("300.00")),
                new Instalment(LocalDate.of(2026, 4, 10), eur("600.00"))), planned.openAmount(), 2));
        planned.registerPayment(eur("100.00"), LocalDate.of(2026, 3, 10));

        DunningRun run = engine.evaluate(debtor, policy, List.of(planned), LocalDate.of(2026, 3, 13));
        run.commit();

        assertThat(run.escalations()).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(EscalationReason.MISSED_INSTALMENT));
        assertThat(run.reminders()).singleElement().satisfies(r -> {
            assertThat(r.stepIndex()).isEqualTo(1);
            assertThat(r.totalOpen()).isEqualTo(eur("800.00"));
        });
        assertThat(planned.plan()).isEmpty();
    }

    @Test
    void anInsolventCustomerIsNeverChasedAgain() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");
        debtor.enterInsolvency(DUE.plusDays(1));

        assertThat(engine.evaluate(debtor, policy, List.of(dunningCase), FIRST_REMINDER_DAY).isEmpty()).isTrue();
        assertThat(engine.evaluate(debtor, policy, List.of(dunningCase), DUE.plusDays(200)).isEmpty()).isTrue();
    }

    @Test
    void aPausedCustomerIsNotChasedUntilThePauseEnds() {
        DunningCase dunningCase = issued(1, DUE, "1000.00");
        debtor.pause(new ManualHold("negotiation", DUE, LocalDate.of(2026, 3, 10)));

        assertThat(engine.evaluate(debtor, policy, List.of(dunningCase), FIRST_REMINDER_DAY).isEmpty()).isTrue();
        assertThat(engine.evaluate(debtor, policy, List.of(dunningCase), LocalDate.of(2026, 3, 11))
                .reminders()).hasSize(1);
    }

    @Test
    void anExcludedInvoiceIsLeftOutOfTheStatement() {
        DunningCase excluded = issued(1, DUE, "1000.00");
        excluded.exclude(new ManualHold("sales is handling it", DUE, null));
        DunningCase other = issued(2, DUE, "100.00");

        Reminder reminder = engine.evaluate(debtor, policy, List.of(excluded, other), FIRST_REMINDER_DAY)
                .reminders().get(0);

        assertThat(reminder.lines()).extracting(ReminderLine::invoiceNumber).containsExactly("F-2");
    }

    @Test
    void anInvoiceNotYetIssuedIsNotChased() {
        DunningCase paymentFirst = new DunningCase(uuid("case"), uuid("invoice"), "C-1", Cases.EUR);
        paymentFirst.registerPayment(eur("10.00"), DUE);

        assertThat(engine.evaluate(debtor, policy, List.of(paymentFirst), FIRST_REMINDER_DAY).isEmpty()).isTrue();
    }

    @Test
    void anEmailReminderResentAsALetterKeepsItsStatementUnderANewId() {
        Reminder reminder = engine.evaluate(debtor, policy, List.of(issued(1, DUE, "10.00")), FIRST_REMINDER_DAY)
                .reminders().get(0);

        Reminder letter = reminder.resentOn(List.of(Channel.LETTER));

        assertThat(letter.channels()).containsExactly(Channel.LETTER);
        assertThat(letter.lines()).isEqualTo(reminder.lines());
        assertThat(letter.reminderId()).isNotEqualTo(reminder.reminderId());
    }
}
