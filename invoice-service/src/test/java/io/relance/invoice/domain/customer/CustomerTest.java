package io.relance.invoice.domain.customer;

import io.relance.invoice.domain.InvoiceRuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private final Customer customer = Customer.register("C-1",
            CustomerDetails.check(CustomerDetailsTest.draft(), CustomerDetailsTest.TODAY));

    @Test
    void erasureRemovesEveryPersonalDatumAndKeepsWhatAccountingNeeds() {
        Customer erased = customer.erase(NOW);

        assertThat(erased.isErased()).isTrue();
        assertThat(erased.details().legalName()).isEqualTo(Customer.ERASED_NAME);
        assertThat(erased.details().sirenOrVat()).isNull();
        assertThat(erased.details().emails()).isEmpty();
        assertThat(erased.details().phone()).isNull();
        assertThat(erased.details().address()).isNull();
        assertThat(erased.id()).isEqualTo("C-1");
        assertThat(erased.details().externalId()).isEqualTo("0000104711");
        assertThat(erased.details().paymentTermsDays()).isEqualTo(30);
    }

    @Test
    void anErasedCustomerCannotBeUpdatedSinceThatWouldBringPersonalDataBack() {
        Customer erased = customer.erase(NOW);

        assertThatThrownBy(() -> erased.update(customer.details())).isInstanceOf(ErasedCustomerException.class);
    }

    @Test
    void erasingTwiceKeepsTheFirstErasureTime() {
        Customer erased = customer.erase(NOW);

        assertThat(erased.erase(NOW.plusSeconds(60)).erasedAt()).isEqualTo(NOW);
    }

    @Test
    void aCustomerIdMustBeUsableAsAKafkaKeyAndInAUrl() {
        Customer.checkId("FR-552081317");
        assertThatThrownBy(() -> Customer.checkId("C 1/2"))
                .isInstanceOfSatisfying(InvoiceRuleViolation.class, e -> assertThat(e.field()).isEqualTo("customerId"));
    }
}
