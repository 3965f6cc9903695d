package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;

/** Test fixtures: cases of customer C-1 in euros. */
final class Cases {

    static final String CUSTOMER = "C-1";
    static final Currency EUR = Currency.getInstance("EUR");

    private Cases() {
    }

    static DunningCase issued(int n, LocalDate dueDate, String amount) {
        DunningCase dunningCase = new DunningCase(uuid("case-" + n), uuid("invoice-" + n), CUSTOMER, EUR);
        dunningCase.issue(new DunningCase.InvoiceDetails("F-" + n, dueDate.minusDays(30), dueDate,
                Money.of(amount, "EUR")), dueDate.minusDays(30));
        return dunningCase;
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static UUID uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes());
    }
}
