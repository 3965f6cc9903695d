package io.relance.notification;

import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.customer.Language;
import io.relance.contracts.customer.PostalAddress;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.RemindedInvoice;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.contracts.dunning.Tone;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Events as invoice-service and dunning-service publish them, for one test customer. */
final class Requests {

    private Requests() {
    }

    static CustomerUpdated profile(String customerId, Language language, List<String> emails, String phone,
                                   Instant occurredAt) {
        return new CustomerUpdated(UUID.randomUUID(), occurredAt, customerId, "ERP-TEST", "X-" + customerId,
                "Société Générale d'Épicerie <SGE>", null, emails, phone,
                new PostalAddress(List.of("3 place de l'Hôtel de Ville"), "33000", "Bordeaux", "FR"), language,
                Segment.REGULAR, 30, null);
    }

    static ReminderRequested reminder(String customerId, UUID invoiceId, String templateKey, Tone tone,
                                      List<Channel> channels) {
        boolean formal = tone == Tone.FORMAL;
        RemindedInvoice line = new RemindedInvoice(invoiceId, "F-IT-" + invoiceId.toString().substring(0, 8),
                LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 1), new BigDecimal("1200.00"),
                formal ? new BigDecimal("17.26") : null, formal ? new BigDecimal("40.00") : null);
        return new ReminderRequested(UUID.randomUUID(), Instant.parse("2026-11-24T07:00:00Z"), customerId,
                UUID.randomUUID(), "default-fr-b2b", 4, 45, channels, templateKey, tone, LocalDate.of(2026, 11, 24),
                "EUR", List.of(line), new BigDecimal("1200.00"), formal ? new BigDecimal("17.26") : null,
                formal ? new BigDecimal("40.00") : null, null);
    }

    /** The same request published again under a new event id, as a dunning-service retry would. */
    static ReminderRequested again(ReminderRequested request) {
        return new ReminderRequested(UUID.randomUUID(), request.occurredAt(), request.customerId(), request.reminderId(),
                request.policyId(), request.stepIndex(), request.stepOffsetDays(), request.channels(),
                request.templateKey(), request.tone(), request.businessDate(), request.currency(), request.invoices(),
                request.totalOpen(), request.totalLateInterest(), request.totalRecoveryIndemnity(),
                request.responseDeadline());
    }
}
