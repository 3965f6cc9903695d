package io.relance.dunning.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.relance.dunning.domain.ClosureReason;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.ManualHold;
import io.relance.dunning.domain.Money;
import io.relance.dunning.domain.PaymentPlan;
import io.relance.dunning.domain.PromiseToPay;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;

@Entity
@Table(name = "dunning_case")
public class DunningCaseEntity {

    @Id
    @Column(name = "case_id")
    public UUID caseId;
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "customer_id")
    public String customerId;
    public String currency;
    @Column(name = "invoice_number")
    public String invoiceNumber;
    @Column(name = "issue_date")
    public LocalDate issueDate;
    @Column(name = "due_date")
    public LocalDate dueDate;
    public BigDecimal amount;
    public BigDecimal paid;
    public BigDecimal credited;
    @Column(name = "last_step_index")
    public int lastStepIndex;
    @Column(name = "last_step_on")
    public LocalDate lastStepOn;
    @Column(name = "open_disputes")
    public String openDisputes;
    @Column(name = "disputed_since")
    public LocalDate disputedSince;
    @Column(name = "awaiting_credit")
    public boolean awaitingCredit;
    public String promise;
    public String plan;
    public String exclusion;
    public String closure;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "claim_deadline")
    public LocalDate claimDeadline;

    DunningCase toDomain() {
        Currency cur = Currency.getInstance(currency);
        DunningCase.InvoiceDetails invoice = invoiceNumber == null ? null
                : new DunningCase.InvoiceDetails(invoiceNumber, issueDate, dueDate, new Money(amount, cur));
        return DunningCase.restore(caseId, invoiceId, customerId, invoice, new Money(paid, cur),
                new Money(credited, cur), lastStepIndex, lastStepOn,
                Json.read(openDisputes, new TypeReference<Set<UUID>>() { }), disputedSince, awaitingCredit,
                Json.read(promise, PromiseToPay.class), Json.read(plan, PaymentPlan.class),
                Json.read(exclusion, ManualHold.class),
                closure == null ? null : ClosureReason.valueOf(closure), closedOn, claimDeadline);
    }

    void update(DunningCase dunningCase) {
        caseId = dunningCase.caseId();
        invoiceId = dunningCase.invoiceId();
        customerId = dunningCase.customerId();
        currency = dunningCase.currency().getCurrencyCode();
        if (dunningCase.invoice() != null) {
            invoiceNumber = dunningCase.invoice().invoiceNumber();
            issueDate = dunningCase.invoice().issueDate();
            dueDate = dunningCase.invoice().dueDate();
            amount = dunningCase.invoice().amount().amount();
        }
        paid = dunningCase.paid().amount();
        credited = dunningCase.credited().amount();
        lastStepIndex = dunningCase.lastStepIndex();
        lastStepOn = dunningCase.lastStepOn();
        openDisputes = Json.write(dunningCase.openDisputes());
        disputedSince = dunningCase.disputedSince().orElse(null);
        awaitingCredit = dunningCase.isAwaitingCredit();
        promise = Json.write(dunningCase.promise().orElse(null));
        plan = Json.write(dunningCase.plan().orElse(null));
        exclusion = Json.write(dunningCase.exclusion().orElse(null));
        closure = dunningCase.closure().map(Enum::name).orElse(null);
        closedOn = dunningCase.closedOn();
        claimDeadline = dunningCase.claimDeclarationDeadline().orElse(null);
    }
}
