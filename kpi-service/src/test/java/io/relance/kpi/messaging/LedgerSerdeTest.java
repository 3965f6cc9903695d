package io.relance.kpi.messaging;

import io.relance.kpi.domain.CustomerLedger;
import io.relance.kpi.domain.DunningCase;
import io.relance.kpi.domain.Issue;
import io.relance.kpi.domain.Movement;
import io.relance.kpi.domain.ReminderDelivery;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerSerdeTest {

    private final LedgerSerde serde = new LedgerSerde();

    @Test
    void aLedgerReadsBackEqualWithEveryKindOfFactAndEveryAbsentValue() {
        CustomerLedger ledger = CustomerLedger.empty("C-é1").withSegment("RISKY");
        ledger.invoiceIssued("I-1", new Issue(LocalDate.parse("2026-01-10"), LocalDate.parse("2026-02-09"),
                new BigDecimal("1200.50"), "EUR"));
        ledger.moved("I-1", "P-1#0", new Movement(Movement.Kind.PAYMENT, LocalDate.parse("2026-02-01"), new BigDecimal("200.5")));
        ledger.moved("I-1", "R-1", new Movement(Movement.Kind.REVERSAL, LocalDate.parse("2026-02-03"),
                new BigDecimal("123456789012345678901234567890.123")));
        ledger.moved("I-2", "P-2#0", new Movement(Movement.Kind.CREDIT_NOTE, LocalDate.parse("2025-12-31"), BigDecimal.TEN));
        ledger.disputeResolved("I-1", "D-1", LocalDate.parse("2026-03-01"));
        ledger.disputeOpened("I-2", "D-2", LocalDate.parse("2026-02-01"));
        ledger.dunningEscalated("K-1", Set.of("I-1", "I-2"), LocalDate.parse("2026-02-15"));
        ledger.dunningClosed("K-1", "I-1", new DunningCase.Closure(LocalDate.parse("2026-03-02"), true, "EUR"));
        ledger.dunningClosed("K-2", "I-3", new DunningCase.Closure(LocalDate.parse("2026-03-05"), false, null));
        ledger.reminderSent("S-1", new ReminderDelivery(LocalDate.parse("2026-02-20"), "EMAIL", new BigDecimal("0.05"), "EUR"));
        ledger.reminderSent("S-2", new ReminderDelivery(LocalDate.parse("2026-02-21"), "LETTER", null, null));

        assertThat(roundTrip(ledger)).isEqualTo(ledger);
        assertThat(roundTrip(CustomerLedger.empty("C-2"))).isEqualTo(CustomerLedger.empty("C-2"));
    }

    private CustomerLedger roundTrip(CustomerLedger ledger) {
        return serde.deserializer().deserialize("t", serde.serializer().serialize("t", ledger));
    }
}
