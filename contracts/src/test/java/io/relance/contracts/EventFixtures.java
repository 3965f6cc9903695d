package io.relance.contracts;

import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.customer.Insolvency;
import io.relance.contracts.customer.InsolvencyType;
import io.relance.contracts.customer.Language;
import io.relance.contracts.customer.PostalAddress;
import io.relance.contracts.customer.Segment;
import io.relance.contracts.dunning.Channel;
import io.relance.contracts.dunning.ClosureReason;
import io.relance.contracts.dunning.DeliveryOutcome;
import io.relance.contracts.dunning.DunningCaseClosed;
import io.relance.contracts.dunning.DunningEscalated;
import io.relance.contracts.dunning.EscalationReason;
import io.relance.contracts.dunning.FormalNotice;
import io.relance.contracts.dunning.HandOverEvidence;
import io.relance.contracts.dunning.RemindedInvoice;
import io.relance.contracts.dunning.ReminderEvidence;
import io.relance.contracts.dunning.ReminderRequested;
import io.relance.contracts.dunning.Tone;
import io.relance.contracts.erp.ErpCustomer;
import io.relance.contracts.erp.ErpInvoice;
import io.relance.contracts.invoice.CreditNoteIssued;
import io.relance.contracts.invoice.DisputeOpened;
import io.relance.contracts.invoice.DisputeOutcome;
import io.relance.contracts.invoice.DisputeReason;
import io.relance.contracts.invoice.DisputeResolved;
import io.relance.contracts.invoice.InvoiceCancelled;
import io.relance.contracts.invoice.InvoiceIssued;
import io.relance.contracts.invoice.InvoiceWrittenOff;
import io.relance.contracts.notification.ReminderFailed;
import io.relance.contracts.notification.ReminderSent;
import io.relance.contracts.payment.Allocation;
import io.relance.contracts.payment.PaymentMethod;
import io.relance.contracts.payment.PaymentReceived;
import io.relance.contracts.payment.PaymentReversed;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One representative payload per message type, built in Java: {@link #complete} sets every optional
 * field, {@link #minimal} leaves every optional field null and every list that may be empty empty.
 */
final class EventFixtures {

    private static final UUID EVENT_ID = UUID.fromString("b05721a2-1c08-46e2-938e-50b99355a5ed");
    // Sub-second precision, as the system clock gives it, must still be a valid date-time.
    private static final Instant OCCURRED_AT = Instant.parse("2025-06-16T06:00:00.123456Z");
    private static final String CUSTOMER_ID = "FR-552081317";
    private static final UUID INVOICE_ID = UUID.fromString("83f2bca8-fb81-4d93-949a-bb80d1c055fb");
    private static final UUID OTHER_INVOICE_ID = UUID.fromString("4a2ab074-1750-4a96-9e91-6d264533425c");
    private static final String INVOICE_NUMBER = "FA-2025-000702";
    private static final LocalDate ISSUE_DATE = LocalDate.of(2025, 4, 2);
    private static final LocalDate DUE_DATE = LocalDate.of(2025, 5, 2);
    private static final LocalDate BUSINESS_DATE = LocalDate.of(2025, 6, 16);
    private static final BigDecimal AMOUNT = new BigDecimal("8400.00");
    private static final String EUR = "EUR";
    private static final UUID REMINDER_ID = UUID.fromString("50f938bf-b849-402d-a76e-583b9328e03c");
    private static final UUID DELIVERY_ID = UUID.fromString("b217f13f-69f3-44d7-bb49-6c08ca4244fa");
    private static final UUID CASE_ID = UUID.fromString("23ddb4f4-37ea-42fb-b617-c77e68a0fbab");
    private static final UUID PAYMENT_ID = UUID.fromString("5ad0a862-ba06-4e40-a31c-8c5952ed1910");
    private static final UUID DISPUTE_ID = UUID.fromString("2a174c97-b6c7-4de2-a667-5d56dc8d9450");

    private EventFixtures() {
    }

    static RelanceEvent complete(EventType type) {
        return switch (type) {
            case INVOICE_ISSUED_V1 -> new InvoiceIssued(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, INVOICE_ID,
                    INVOICE_NUMBER, ISSUE_DATE, DUE_DATE, AMOUNT, EUR, "sap-fr", "0090001234");
            case INVOICE_CANCELLED_V1 -> new InvoiceCancelled(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, INVOICE_ID,
                    INVOICE_NUMBER, BUSINESS_DATE, AMOUNT, EUR, "Facture émise en double");
            case CREDIT_NOTE_ISSUED_V1 -> new CreditNoteIssued(EVENT_ID, OCCURRED_AT, CUSTOMER_ID,
                    UUID.fromString("2144f8a4-1333-4c7e-96ad-a1539b8068d8"), "AV-2025-000037", INVOICE_ID,
                    BUSINESS_DATE, new BigDecimal("612.48"), EUR, "Remise commerciale");
            case DISPUTE_OPENED_V1 -> new DisputeOpened(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, DISPUTE_ID, INVOICE_ID,
                    BUSINESS_DATE, new BigDecimal("612.48"), EUR, DisputeReason.QUALITY, "Palettes endommagées");
            case DISPUTE_RESOLVED_V1 -> new DisputeResolved(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, DISPUTE_ID,
                    INVOICE_ID, BUSINESS_DATE, DisputeOutcome.ACCEPTED_CREDITED, "Avoir AV-2025-000037 émis");
            case INVOICE_WRITTEN_OFF_V1 -> new InvoiceWrittenOff(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, INVOICE_ID,
                    INVOICE_NUMBER, BUSINESS_DATE, AMOUNT, EUR, "Liquidation judiciaire clôturée");
            case CUSTOMER_UPDATED_V1 -> new CustomerUpdated(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, "sap-fr",
                    "0000104582", "Menuiserie Duval & Fils SARL", "FR27552081317",
                    List.of("comptabilite@menuiserie-duval.fr"), "+33478526314",
                    new PostalAddress(List.of("14 rue des Frênes"), "69300", "Caluire-et-Cuire", "FR"),
                    Language.FR, Segment.RISKY, 30,
                    new Insolvency(InsolvencyType.SAFEGUARD, LocalDate.of(2025, 5, 20)));
            case PAYMENT_RECEIVED_V1 -> new PaymentReceived(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, PAYMENT_ID,
                    BUSINESS_DATE, new BigDecimal("9000.00"), EUR, PaymentMethod.TRANSFER,
                    List.of(new Allocation(INVOICE_ID, AMOUNT)), new BigDecimal("600.00"));
            case PAYMENT_REVERSED_V1 -> new PaymentReversed(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, PAYMENT_ID,
                    BUSINESS_DATE, AMOUNT, EUR, "SEPA AM04", List.of(new Allocation(INVOICE_ID, AMOUNT)));
            case REMINDER_REQUESTED_V1 -> new ReminderRequested(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, REMINDER_ID,
                    "fr-b2b-default", 4, 45, List.of(Channel.REGISTERED_LETTER, Channel.EMAIL),
                    "fr.mise-en-demeure", Tone.FORMAL, BUSINESS_DATE, EUR,
                    List.of(new RemindedInvoice(INVOICE_ID, INVOICE_NUMBER, ISSUE_DATE, DUE_DATE, AMOUNT,
                            new BigDecimal("136.18"), new BigDecimal("40.00"))),
                    AMOUNT, new BigDecimal("136.18"), new BigDecimal("40.00"), LocalDate.of(2025, 6, 24));
            case DUNNING_ESCALATED_V1 -> new DunningEscalated(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, CASE_ID,
                    List.of(INVOICE_ID, OTHER_INVOICE_ID), 4, 5, EscalationReason.SCHEDULE, BUSINESS_DATE,
                    new HandOverEvidence(EUR, AMOUNT, new BigDecimal("159.04"), new BigDecimal("40.00"),
                            List.of(new ReminderEvidence(REMINDER_ID, 4, BUSINESS_DATE,
                                    List.of(Channel.REGISTERED_LETTER, Channel.EMAIL), AMOUNT, DeliveryOutcome.SENT,
                                    Channel.REGISTERED_LETTER, "1A02598346171", OCCURRED_AT)),
                            new FormalNotice(REMINDER_ID, BUSINESS_DATE, LocalDate.of(2025, 6, 24),
                                    new BigDecimal("136.18"), new BigDecimal("40.00"))));
            case DUNNING_CASE_CLOSED_V1 -> new DunningCaseClosed(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, CASE_ID,
                    INVOICE_ID, BUSINESS_DATE, ClosureReason.PAID, AMOUNT, EUR);
            case REMINDER_SENT_V1 -> new ReminderSent(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, REMINDER_ID, DELIVERY_ID,
                    Channel.REGISTERED_LETTER, new BigDecimal("7.65"), EUR, "1A02598346171");
            case REMINDER_FAILED_V1 -> new ReminderFailed(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, REMINDER_ID,
                    DELIVERY_ID, Channel.SMS, "Numéro non attribué", true);
        };
    }

    static RelanceEvent minimal(EventType type) {
        return switch (type) {
            case INVOICE_ISSUED_V1 -> new InvoiceIssued(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, INVOICE_ID,
                    INVOICE_NUMBER, ISSUE_DATE, DUE_DATE, AMOUNT, EUR, null, null);
            case INVOICE_CANCELLED_V1 -> new InvoiceCancelled(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, INVOICE_ID,
                    INVOICE_NUMBER, BUSINESS_DATE, AMOUNT, EUR, null);
            case CREDIT_NOTE_ISSUED_V1 -> new CreditNoteIssued(EVENT_ID, OCCURRED_AT, CUSTOMER_ID,
                    UUID.fromString("2144f8a4-1333-4c7e-96ad-a1539b8068d8"), "AV-2025-000037", null,
                    BUSINESS_DATE, new BigDecimal("612.48"), EUR, null);
            case DISPUTE_OPENED_V1 -> new DisputeOpened(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, DISPUTE_ID, INVOICE_ID,
                    BUSINESS_DATE, new BigDecimal("612.48"), EUR, DisputeReason.OTHER, null);
            case DISPUTE_RESOLVED_V1 -> new DisputeResolved(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, DISPUTE_ID,
                    INVOICE_ID, BUSINESS_DATE, DisputeOutcome.WITHDRAWN, null);
            case CUSTOMER_UPDATED_V1 -> new CustomerUpdated(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, "sap-fr",
                    "0000104582", "Menuiserie Duval & Fils SARL", null, List.of(), null, null,
                    Language.EN, Segment.NEW, null, null);
            case PAYMENT_RECEIVED_V1 -> new PaymentReceived(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, PAYMENT_ID,
                    BUSINESS_DATE, AMOUNT, EUR, PaymentMethod.CHEQUE, List.of(), AMOUNT);
            case PAYMENT_REVERSED_V1 -> new PaymentReversed(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, PAYMENT_ID,
                    BUSINESS_DATE, AMOUNT, EUR, "Chèque impayé", List.of());
            case REMINDER_REQUESTED_V1 -> new ReminderRequested(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, REMINDER_ID,
                    "fr-b2b-default", 0, -3, List.of(Channel.EMAIL), "fr.preventive", Tone.FRIENDLY,
                    BUSINESS_DATE, EUR,
                    List.of(new RemindedInvoice(INVOICE_ID, INVOICE_NUMBER, ISSUE_DATE, DUE_DATE, AMOUNT, null, null)),
                    AMOUNT, null, null, null);
            case DUNNING_ESCALATED_V1 -> new DunningEscalated(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, CASE_ID,
                    List.of(INVOICE_ID), null, 0, EscalationReason.SCHEDULE, BUSINESS_DATE);
            case REMINDER_SENT_V1 -> new ReminderSent(EVENT_ID, OCCURRED_AT, CUSTOMER_ID, REMINDER_ID, DELIVERY_ID,
                    Channel.EMAIL, BigDecimal.ZERO, EUR, null);
            case INVOICE_WRITTEN_OFF_V1, DUNNING_CASE_CLOSED_V1, REMINDER_FAILED_V1 -> complete(type);
        };
    }

    static ErpInvoice erpInvoice() {
        return new ErpInvoice("sap-fr", "0090001234", INVOICE_NUMBER, CUSTOMER_ID, ISSUE_DATE, DUE_DATE, AMOUNT, EUR);
    }

    static ErpInvoice erpInvoiceWithCustomer() {
        return new ErpInvoice("sap-fr", "0090001234", INVOICE_NUMBER, CUSTOMER_ID, ISSUE_DATE, DUE_DATE, AMOUNT, EUR,
                erpCustomer());
    }

    static ErpCustomer erpCustomer() {
        return new ErpCustomer(CUSTOMER_ID, "sap-fr", "0000104582", "Menuiserie Duval & Fils SARL", "FR27552081317",
                List.of("comptabilite@menuiserie-duval.fr"), "+33478526314",
                new PostalAddress(List.of("14 rue des Frênes"), "69300", "Caluire-et-Cuire", "FR"), Language.FR,
                Segment.REGULAR, 30, new Insolvency(InsolvencyType.SAFEGUARD, ISSUE_DATE));
    }

    static ErpCustomer minimalErpCustomer() {
        return new ErpCustomer(CUSTOMER_ID, "sap-fr", "0000104582", "Menuiserie Duval & Fils SARL", null, null, null,
                null, Language.FR, Segment.NEW, null, null);
    }
}
