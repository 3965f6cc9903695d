package io.relance.invoice.domain.customer;

import io.relance.invoice.domain.RuleViolations;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerDetailsTest {

    static final LocalDate TODAY = LocalDate.parse("2026-03-02");

    static CustomerDetails.Draft draft() {
        return new CustomerDetails.Draft("sap-fr", "0000104711", "Électricité de France", "FR03552081317",
                List.of("compta@example.fr"), "+33612345678",
                new CustomerDetails.DraftAddress(List.of("22-30 avenue de Wagram"), "75008", "Paris", "FR"),
                "fr", "REGULAR", 30, null);
    }

    @Test
    void aCompleteProfileIsKeptInItsNormalisedForm() {
        CustomerDetails details = CustomerDetails.check(draft(), TODAY);

        assertThat(details.language()).isEqualTo(Language.FR);
        assertThat(details.segment()).isEqualTo(Segment.REGULAR);
        assertThat(details.phone()).isEqualTo("+33612345678");
        assertThat(details.address().countryCode()).isEqualTo("FR");
    }

    @Test
    void onlyTheIdentityAndLanguageAndSegmentAreRequired() {
        CustomerDetails details = CustomerDetails.check(new CustomerDetails.Draft("sap-fr", "1", "ACME", null, null,
                null, null, "en", "NEW", null, null), TODAY);

        assertThat(details.emails()).isEmpty();
        assertThat(details.address()).isNull();
    }

    @Test
    void everyBrokenRuleIsReportedAtOnceNamingItsField() {
        CustomerDetails.Draft bad = new CustomerDetails.Draft(" ", "1", "ACME", "552081318",
                List.of("compta@example.fr", "not-an-address"), "0612345678",
                new CustomerDetails.DraftAddress(List.of(), "7500", "Paris", "France"), "de", "VIP", 400,
                new CustomerDetails.DraftInsolvency("BANKRUPTCY", TODAY.plusDays(1)));

        assertThatThrownBy(() -> CustomerDetails.check(bad, TODAY))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .extracting(RuleViolations.Violation::field)
                        .containsExactlyInAnyOrder("sourceSystem", "sirenOrVat", "emails[1]", "phone",
                                "address.lines", "address.countryCode", "language", "segment", "paymentTermsDays",
                                "insolvency.type", "insolvency.openedOn"));
    }

    @Test
    void aPhoneNumberInE164FormThatNoNumberingPlanKnowsIsRefused() {
        CustomerDetails.Draft unknownNumber = new CustomerDetails.Draft("sap-fr", "1", "ACME", null, null,
                "+33012345678", null, "fr", "NEW", null, null);

        assertThatThrownBy(() -> CustomerDetails.check(unknownNumber, TODAY))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> assertThat(v.rule()).contains("numbering plan")));
    }

    @Test
    void aFrenchAddressNeedsAFiveDigitPostalCode() {
        CustomerDetails.Draft noPostalCode = new CustomerDetails.Draft("sap-fr", "1", "ACME", null, null, null,
                new CustomerDetails.DraftAddress(List.of("1 rue de la Paix"), null, "Paris", "FR"), "fr", "NEW", null, null);

        assertThatThrownBy(() -> CustomerDetails.check(noPostalCode, TODAY))
                .isInstanceOfSatisfying(RuleViolations.class, e -> assertThat(e.violations())
                        .extracting(RuleViolations.Violation::field).containsExactly("address.postalCode"));
    }

    @Test
    void insolvencyProceedingsOpenedTodayAreAccepted() {
        CustomerDetails.Draft receivership = new CustomerDetails.Draft("sap-fr", "1", "ACME", null, null, null, null,
                "fr", "RISKY", null, new CustomerDetails.DraftInsolvency("RECEIVERSHIP", TODAY));

        assertThat(CustomerDetails.check(receivership, TODAY).insolvency())
                .isEqualTo(new Insolvency(InsolvencyType.RECEIVERSHIP, TODAY));
    }
}
