package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.relance.dunning.domain.Cases.eur;
import static io.relance.dunning.domain.Cases.issued;
import static io.relance.dunning.domain.Cases.uuid;
import static org.assertj.core.api.Assertions.assertThat;

class NextActionTest {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);

    private final DunningEngine engine = new DunningEngine(new FrenchBusinessCalendar(),
            new LatePaymentCharges(LatePaymentChargesTest.RATES));
    private final Policy policy = FrenchB2bPolicy.create();
    private final Debtor debtor = Debtor.newCustomer(Cases.CUSTOMER);

    @Test
    void theNextActionOfANewInvoiceIsItsFirstStepsBusinessDay() {
        DunningCase dunningCase = issued(1, DUE, "100.00");

        // D-3 is Friday 27 February
        assertThat(engine.nextActionOn(debtor, policy, List.of(dunningCase), DUE.minusDays(20)))
                .contains(LocalDate.of(2026, 2, 27));
    }

    @Test
    void afterAStepTheNextActionIsTheFollowingStep() {
        DunningCase dunningCase = issued(1, DUE, "100.00");
        engine.evaluate(debtor, policy, List.of(dunningCase), LocalDate.of(2026, 3, 9)).commit();

        assertThat(engine.nextActionOn(debtor, policy, List.of(dunningCase), LocalDate.of(2026, 3, 9)))
                .contains(LocalDate.of(2026, 3, 23));
    }

    @Test
    void anInvoiceThatAlreadyReachedAStepIsDueTheDayItArrives() {
        DunningCase late = issued(1, DUE, "100.00");
        LocalDate today = LocalDate.of(2026, 4, 20);

        assertThat(engine.nextActionOn(debtor, policy, List.of(late), today.minusDays(1))).contains(today);
    }

    @Test
    void theNextActionOfAPromiseIsTheFirstBusinessDayAfterItsGrace() {
        DunningCase promised = issued(1, DUE, "100.00");
        promised.promise(PromiseToPay.make(DUE, LocalDate.of(2026, 3, 18), eur("100.00"), promised.openAmount(), 2));

        // 18 March + 2 days of grace = Friday 20; broken from Saturday 21, acted on Monday 23
        assertThat(engine.nextActionOn(debtor, policy, List.of(promised), DUE)).contains(LocalDate.of(2026, 3, 23));
    }

    @Test
    void theEarliestCaseOfTheCustomerSetsItsNextAction() {
        DunningCase later = issued(1, DUE.plusDays(30), "100.00");
        DunningCase sooner = issued(2, DUE, "100.00");

        assertThat(engine.nextActionOn(debtor, policy, List.of(later, sooner), DUE.minusDays(20)))
                .contains(LocalDate.of(2026, 2, 27));
    }

    @Test
    void aDisputedOrFinishedCustomerHasNoNextActionUntilANewFact() {
        DunningCase disputed = issued(1, DUE, "100.00");
        disputed.openDispute(uuid("dispute"), DUE.plusDays(1));
        DunningCase finished = issued(2, DUE, "5000.00");
        engine.evaluate(debtor, policy, List.of(finished), LocalDate.of(2026, 5, 4)).commit();

        assertThat(engine.nextActionOn(debtor, policy, List.of(disputed, finished), LocalDate.of(2026, 5, 4))).isEmpty();
    }

    @Test
    void aPauseWithAnEndMovesTheNextActionAfterIt() {
        DunningCase dunningCase = issued(1, DUE, "100.00");
        debtor.pause(new ManualHold("negotiation", DUE.minusDays(10), LocalDate.of(2026, 3, 12)));

        // the first step (D-3) came during the pause; it is taken on Friday 13 March
        assertThat(engine.nextActionOn(debtor, policy, List.of(dunningCase), DUE.minusDays(10)))
                .contains(LocalDate.of(2026, 3, 13));
    }
}
