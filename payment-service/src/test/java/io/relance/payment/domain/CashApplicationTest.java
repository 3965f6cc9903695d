package io.relance.payment.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CashApplicationTest {

    private static final LocalDate PAID_ON = LocalDate.parse("2026-05-04");
    private static final String ACME_IBAN = "FR7630006000011234567890189";
    private static final String OTHER_IBAN = "DE89370400440532013000";

    private final CashApplication cashApplication = new CashApplication();
    private final OpenItemsSnapshot ledger = new OpenItemsSnapshot();

    private OpenItem invoice(String customer, String number, String due, String open) {
        return invoice(customer, number, due, open, "EUR");
    }

    private OpenItem invoice(String customer, String number, String due, String open, String currency) {
        OpenItem item = new OpenItem(UUID.randomUUID(), customer, number, LocalDate.parse(due), Money.of(open, currency));
        ledger.add(item);
        return item;
    }

    private static IncomingPayment payment(String amount, String iban, String name, String remittance) {
        return payment(amount, "EUR", iban, name, remittance);
    }

    private static IncomingPayment payment(String amount, String currency, String iban, String name, String remittance) {
        return new IncomingPayment(Money.of(amount, currency), PAID_ON, name, iban, remittance, List.of());
    }

    private MatchDecision.Matched matched(IncomingPayment payment) {
        MatchDecision decision = cashApplication.match(payment, ledger);
        assertThat(decision).isInstanceOf(MatchDecision.Matched.class);
        return (MatchDecision.Matched) decision;
    }

    private MatchDecision.Unmatched queued(IncomingPayment payment) {
        MatchDecision decision = cashApplication.match(payment, ledger);
        assertThat(decision).isInstanceOf(MatchDecision.Unmatched.class);
        return (MatchDecision.Unmatched) decision;
    }

    private static List<String> allocated(MatchDecision.Matched matched, OpenItem... items) {
        List<String> lines = new ArrayList<>();
        for (PaymentAllocation allocation : matched.allocations()) {
            for (OpenItem item : items) {
                if (item.invoiceId().equals(allocation.invoiceId())) {
                    lines.add(item.invoiceNumber() + "=" + allocation.amount().amount().toPlainString());
                }
            }
        }
        return lines;
    }

    @Test
    void aPaymentNamingOneInvoiceSettlesIt() {
        OpenItem f1 = invoice("ACME", "F-2026-0001", "2026-04-01", "1200.00");
        invoice("ACME", "F-2026-0002", "2026-03-01", "1200.00");

        MatchDecision.Matched matched = matched(payment("1200.00", null, null, "Facture F 2026 0001"));

        assertThat(matched.customerId()).isEqualTo("ACME");
        assertThat(matched.rule()).isEqualTo(MatchRule.INVOICE_REFERENCE);
        assertThat(allocated(matched, f1)).containsExactly("F-2026-0001=1200.00");
        assertThat(matched.unapplied().isZero()).isTrue();
    }

    @Test
    void aPaymentNamingSeveralInvoicesSettlesEachOfThem() {
        OpenItem f1 = invoice("ACME", "F-2026-0001", "2026-04-01", "100.00");
        OpenItem f2 = invoice("ACME", "F-2026-0002", "2026-04-15", "250.50");

        MatchDecision.Matched matched = matched(payment("350.50", null, null, "INV 2026-0001 / INV 2026-0002"));

        assertThat(allocated(matched, f1, f2)).containsExactly("F-2026-0001=100.00", "F-2026-0002=250.50");
    }

    @Test
    void aPartialPaymentOfNamedInvoicesGoesToTheNamedOnesOldestDueFirst() {
        OpenItem older = invoice("ACME", "F-2026-0001", "2026-03-01", "100.00");
        OpenItem newer = invoice("ACME", "F-2026-0002", "2026-04-01", "200.00");
        OpenItem oldestNotNamed = invoice("ACME", "F-2026-0003", "2026-01-01", "500.00");

        MatchDecision.Matched matched = matched(payment("150.00", ACME_IBAN, null, "F-2026-0002 F-2026-0001"));

        assertThat(allocated(matched, older, newer, oldestNotNamed)).containsExactly("F-2026-0001=100.00", "F-2026-0002=50.00");
        assertThat(matched.unapplied().isZero()).isTrue();
    }

    @Test
    void anOverpaymentOfANamedInvoiceLeavesTheExcessAsUnappliedCredit() {
        OpenItem f1 = invoice("ACME", "F-2026-0001", "2026-04-01", "100.00");

        MatchDecision.Matched matched = matched(payment("130.00", null, null, "F-2026-0001"));

        assertThat(allocated(matched, f1)).containsExactly("F-2026-0001=100.00");
        assertThat(matched.unapplied()).isEqualTo(Money.of("30.00", "EUR"));
    }

    @Test
    void aPayerKnownByIbanWithoutReferenceIsMatchedOnTheOneInvoiceOfThatAmount() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-0001", "2026-03-01", "80.00");
        OpenItem exact = invoice("ACME", "F-2026-0002", "2026-04-01", "420.00");
        invoice("GLOBEX", "G-77777", "2026-04-01", "420.00");

        MatchDecision.Matched matched = matched(payment("420.00", ACME_IBAN, "whoever", "thanks"));

        assertThat(matched.rule()).isEqualTo(MatchRule.EXACT_AMOUNT);
        assertThat(matched.customerId()).isEqualTo("ACME");
        assertThat(allocated(matched, exact)).containsExactly("F-2026-0002=420.00");
    }

    @Test
    void aPayerKnownByNameIsMatchedOnTheOneInvoiceOfThatAmount() {
        ledger.knowName("Globex Corporation SARL", "GLOBEX");
        OpenItem exact = invoice("GLOBEX", "G-77777", "2026-04-01", "99.90");

        MatchDecision.Matched matched = matched(payment("99.90", null, "GLOBEX CORPORATION", null));

        assertThat(matched.rule()).isEqualTo(MatchRule.EXACT_AMOUNT);
        assertThat(allocated(matched, exact)).containsExactly("G-77777=99.90");
    }

    @Test
    void twoOpenInvoicesOfTheSameAmountAreNotGuessedBetween() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-0001", "2026-03-01", "420.00");
        invoice("ACME", "F-2026-0002", "2026-04-01", "420.00");

        MatchDecision.Unmatched queued = queued(payment("420.00", ACME_IBAN, null, null));

        assertThat(queued.reason()).contains("several open invoices");
        assertThat(queued.candidates()).hasSize(2)
                .allSatisfy(c -> assertThat(c.reasons()).contains("open amount equals the payment"));
    }

    @Test
    void aPaymentEqualToTheSumOfSomeOpenInvoicesSettlesExactlyThose() {
        ledger.knowIban(ACME_IBAN, "ACME");
        OpenItem a = invoice("ACME", "F-2026-0001", "2026-03-01", "100.00");
        OpenItem b = invoice("ACME", "F-2026-0002", "2026-03-15", "215.00");
        OpenItem c = invoice("ACME", "F-2026-0003", "2026-04-01", "340.00");

        MatchDecision.Matched matched = matched(payment("440.00", ACME_IBAN, null, "virement"));

        assertThat(matched.rule()).isEqualTo(MatchRule.SUM_OF_INVOICES);
        assertThat(allocated(matched, a, b, c)).containsExactly("F-2026-0001=100.00", "F-2026-0003=340.00");
    }

    @Test
    void twoSetsOfInvoicesWithTheSameSumAreNotGuessedBetween() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-0001", "2026-03-01", "100.00");
        invoice("ACME", "F-2026-0002", "2026-03-15", "200.00");
        invoice("ACME", "F-2026-0003", "2026-04-01", "150.00");
        invoice("ACME", "F-2026-0004", "2026-04-15", "150.00");

        assertThat(queued(payment("300.00", ACME_IBAN, null, null)).reason()).contains("several sets");
    }

    @Test
    void aPartialPaymentWithoutReferenceFromAKnownIbanSettlesTheOldestDueFirst() {
        ledger.knowIban(ACME_IBAN, "ACME");
        OpenItem oldest = invoice("ACME", "F-2026-0001", "2026-02-01", "100.00");
        OpenItem middle = invoice("ACME", "F-2026-0002", "2026-03-01", "300.00");
        OpenItem newest = invoice("ACME", "F-2026-0003", "2026-04-01", "500.00");

        MatchDecision.Matched matched = matched(payment("250.00", ACME_IBAN, null, null));

        assertThat(matched.rule()).isEqualTo(MatchRule.OLDEST_DUE_FIRST);
        assertThat(allocated(matched, oldest, middle, newest)).containsExactly("F-2026-0001=100.00", "F-2026-0002=150.00");
    }

    @Test
    void anOverpaymentFromAKnownIbanSettlesEverythingAndLeavesUnappliedCredit() {
        ledger.knowIban(ACME_IBAN, "ACME");
        OpenItem a = invoice("ACME", "F-2026-0001", "2026-02-01", "100.00");
        OpenItem b = invoice("ACME", "F-2026-0002", "2026-03-01", "300.00");

        MatchDecision.Matched matched = matched(payment("1000.00", ACME_IBAN, null, null));

        assertThat(allocated(matched, a, b)).containsExactly("F-2026-0001=100.00", "F-2026-0002=300.00");
        assertThat(matched.unapplied()).isEqualTo(Money.of("600.00", "EUR"));
    }

    @Test
    void aPayerKnownOnlyByNameWhoseAmountFitsNothingIsQueued() {
        ledger.knowName("Globex", "GLOBEX");
        OpenItem item = invoice("GLOBEX", "G-77777", "2026-04-01", "99.90");

        MatchDecision.Unmatched queued = queued(payment("50.00", null, "Globex", null));

        assertThat(queued.candidates()).extracting(MatchDecision.Candidate::item).containsExactly(item);
    }

    @Test
    void anUnknownPayerWithoutReferenceIsQueuedWithTheInvoicesOfThatAmountAsCandidates() {
        OpenItem same = invoice("ACME", "F-2026-0001", "2026-04-01", "420.00");
        invoice("ACME", "F-2026-0002", "2026-04-01", "10.00");

        MatchDecision.Unmatched queued = queued(payment("420.00", OTHER_IBAN, "Unknown Ltd", "payment"));

        assertThat(queued.reason()).contains("payer is unknown");
        assertThat(queued.candidates()).extracting(MatchDecision.Candidate::item).containsExactly(same);
    }

    @Test
    void anInvoiceInAnotherCurrencyIsNeverAppliedEvenWhenNamed() {
        OpenItem usd = invoice("ACME", "F-2026-0001", "2026-04-01", "100.00", "USD");

        MatchDecision.Unmatched queued = queued(payment("100.00", "EUR", null, null, "F-2026-0001"));

        assertThat(queued.reason()).contains("another currency");
        assertThat(queued.candidates().get(0).item()).isEqualTo(usd);
        assertThat(queued.candidates().get(0).reasons()).anyMatch(r -> r.contains("in USD"));
    }

    @Test
    void anInvoiceInAnotherCurrencyIsNeverPartOfAnAmountMatch() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-0001", "2026-04-01", "100.00", "USD");

        MatchDecision.Matched matched = matched(payment("100.00", "EUR", ACME_IBAN, null, null));

        assertThat(matched.allocations()).isEmpty();
        assertThat(matched.unapplied()).isEqualTo(Money.of("100.00", "EUR"));
    }

    @Test
    void aRemittanceNamingAnotherCustomersInvoiceThanThePayersIsQueued() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-0001", "2026-04-01", "100.00");
        invoice("GLOBEX", "G-2026-5555", "2026-04-01", "100.00");

        assertThat(queued(payment("100.00", ACME_IBAN, null, "G-2026-5555")).reason()).contains("another customer");
    }

    @Test
    void aNumberSharedByInvoicesOfTwoCustomersIsQueuedWhenThePayerIsUnknown() {
        invoice("ACME", "F-2026-0001", "2026-04-01", "100.00");
        invoice("GLOBEX", "A-2026-0001", "2026-04-01", "100.00");

        MatchDecision.Unmatched queued = queued(payment("100.00", null, null, "2026-0001"));

        assertThat(queued.reason()).contains("several customers");
        assertThat(queued.candidates()).hasSize(2);
    }

    @Test
    void aNumberSharedByTwoCustomersIsResolvedByThePayersIban() {
        ledger.knowIban(ACME_IBAN, "ACME");
        OpenItem mine = invoice("ACME", "F-2026-0001", "2026-04-01", "100.00");
        invoice("GLOBEX", "A-2026-0001", "2026-04-01", "100.00");

        assertThat(allocated(matched(payment("100.00", ACME_IBAN, null, "2026-0001")), mine))
                .containsExactly("F-2026-0001=100.00");
    }

    @Test
    void aRemittanceNamingAnAlreadySettledInvoiceIsQueuedAsAPossibleDuplicate() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-0001", "2026-03-01", "0.00");
        invoice("ACME", "F-2026-0002", "2026-04-01", "100.00");

        assertThat(queued(payment("100.00", ACME_IBAN, null, "F-2026-0001")).reason()).contains("duplicate");
    }

    @Test
    void anIbanSharedByTwoCustomersDoesNotIdentifyThePayer() {
        ledger.knowIban(ACME_IBAN, "ACME").knowIban(ACME_IBAN, "ACME-SUBSIDIARY");
        invoice("ACME", "F-2026-0001", "2026-04-01", "100.00");
        invoice("ACME-SUBSIDIARY", "S-2026-0001", "2026-04-01", "55.00");

        MatchDecision.Unmatched queued = queued(payment("100.00", ACME_IBAN, null, null));

        assertThat(queued.reason()).contains("several customers");
        assertThat(queued.candidates().get(0).reasons()).contains("open amount equals the payment");
    }

    @Test
    void candidatesAreRankedWithTheNamedAndSameAmountInvoicesFirstAndAtMostFive() {
        ledger.knowIban(ACME_IBAN, "ACME");
        for (int i = 1; i <= 8; i++) {
            invoice("ACME", "F-2026-000" + i, "2026-0" + i + "-01", "100.00");
        }
        OpenItem usd = invoice("ACME", "F-2026-0009", "2026-01-01", "100.00", "USD");

        MatchDecision.Unmatched queued = queued(payment("100.00", ACME_IBAN, null, "F-2026-0009"));

        assertThat(queued.candidates()).hasSize(5);
        assertThat(queued.candidates()).extracting(MatchDecision.Candidate::item).doesNotContain(usd);
        assertThat(queued.candidates()).isSortedAccordingTo((x, y) -> Integer.compare(y.score(), x.score()));
    }

    @Test
    void anExplicitInvoiceReferenceCountsLikeOneInTheRemittance() {
        OpenItem f1 = invoice("ACME", "F-2026-0001", "2026-04-01", "100.00");
        IncomingPayment payment = new IncomingPayment(Money.of("100.00", "EUR"), PAID_ON, null, null, null,
                List.of("F-2026-0001"));

        assertThat(allocated(matched(payment), f1)).containsExactly("F-2026-0001=100.00");
    }

    @Test
    void twoExplicitReferencesAreNeverJoinedIntoOneNumber() {
        invoice("ACME", "F-2026-00010002", "2026-04-01", "100.00");
        IncomingPayment payment = new IncomingPayment(Money.of("100.00", "EUR"), PAID_ON, null, null, null,
                List.of("F-2026-0001", "0002"));

        assertThat(cashApplication.match(payment, ledger)).isInstanceOf(MatchDecision.Unmatched.class);
    }

    @Test
    void aMistypedNumberNamingAnotherCustomersInvoiceIsReadAsThePayersOwnInvoiceOfThatAmountOneTypoAway() {
        ledger.knowIban(ACME_IBAN, "ACME");
        OpenItem meant = invoice("ACME", "F-2026-003812", "2026-04-01", "1582.12");
        invoice("ACME", "F-2026-003900", "2026-04-01", "75.00");
        invoice("GLOBEX", "F-2026-003821", "2026-04-01", "1200.00");

        MatchDecision.Matched matched = matched(payment("1582.12", ACME_IBAN, null, "Facture F-2026-003821"));

        assertThat(matched.customerId()).isEqualTo("ACME");
        assertThat(allocated(matched, meant)).containsExactly("F-2026-003812=1582.12");
    }

    @Test
    void aNumberOfAnotherCustomerIsNotReadAsATypoWhenThePayersInvoiceOfThatAmountIsFurtherAway() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-007777", "2026-04-01", "1582.12");
        invoice("GLOBEX", "F-2026-003821", "2026-04-01", "1582.12");

        assertThat(queued(payment("1582.12", ACME_IBAN, null, "F-2026-003821")).reason()).contains("another customer");
    }

    @Test
    void anUnknownPayerWhoseNameIsNotTheNamedCustomersIsQueuedRatherThanAppliedToThatInvoice() {
        ledger.knowName("Globex Corporation SARL", "GLOBEX");
        invoice("GLOBEX", "F-2026-023553", "2026-04-01", "100.00");

        assertThat(queued(payment("100.00", OTHER_IBAN, "INITRODE SA", "REGLEMENT FACT 2026-023553")).reason())
                .contains("its name is not that of the customer");
    }

    @Test
    void anUnknownPayerWithTheNamedCustomersNameCutShortByTheBankIsMatchedOnTheReference() {
        ledger.knowName("Globex Corporation SARL", "GLOBEX");
        OpenItem invoice = invoice("GLOBEX", "F-2026-023553", "2026-04-01", "100.00");

        MatchDecision.Matched matched = matched(payment("100.00", OTHER_IBAN, "GLOBEX CORPORA", "F-2026-023553"));

        assertThat(allocated(matched, invoice)).containsExactly("F-2026-023553=100.00");
    }

    @Test
    void anExactAmountThatASetOfThePayersInvoicesAlsoAddsUpToIsQueued() {
        ledger.knowIban(ACME_IBAN, "ACME");
        invoice("ACME", "F-2026-0001", "2026-04-01", "299.00");
        invoice("ACME", "F-2026-0002", "2026-03-01", "99.00");
        invoice("ACME", "F-2026-0003", "2026-03-15", "200.00");

        assertThat(queued(payment("299.00", ACME_IBAN, null, "REGLEMENT FACTURES")).reason())
                .contains("a set of its open invoices both have this amount");
    }
}
