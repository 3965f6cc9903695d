package io.relance.dunning.application;

import io.relance.dunning.domain.Escalation;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.persistence.StoredReminder;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;

/** The reminders a hand-over's evidence file lists: every one that claimed the invoice, oldest first. */
@ApplicationScoped
class HandOverEvidence {

    private final DunningStore store;

    HandOverEvidence(DunningStore store) {
        this.store = store;
    }

    Uni<List<StoredReminder>> of(Mutiny.Session session, Escalation escalation) {
        return store.remindersOf(session, escalation.customerId()).map(reminders -> reminders.stream()
                .filter(r -> r.reminder().lines().stream().anyMatch(l -> l.invoiceId().equals(escalation.invoiceId())))
                .toList());
    }
}
