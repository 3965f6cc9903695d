package io.relance.dunning.domain;

import java.time.LocalDate;
import java.util.Currency;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The dunning of one invoice. Facts may arrive before the invoice itself (payments and invoices travel on
 * different topics), so a case exists from its first fact and is chased only once the invoice is known.
 */
public final class DunningCase {

    /** The invoice as issued. */
    public record InvoiceDetails(String invoiceNumber, LocalDate issueDate, LocalDate dueDate, Money amount) {
    }

    private final UUID caseId;
    private final UUID invoiceId;
    private final String customerId;
    private InvoiceDetails invoice;
    private Money paid;
    private Money credited;
    private int lastStepIndex = -1;
    private LocalDate lastStepOn;
    private final Set<UUID> openDisputes = new HashSet<>();
    private LocalDate disputedSince;
    private boolean awaitingCredit;
    private PromiseToPay promise;
    private PaymentPlan plan;
    private ManualHold exclusion;
    private ClosureReason closure;
    private LocalDate closedOn;
    private LocalDate claimDeclarationDeadline;

    public DunningCase(UUID caseId, UUID invoiceId, String customerId, Currency currency) {
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.invoiceId = Objects.requireNonNull(invoiceId, "invoiceId");
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.paid = Money.zero(currency);
        this.credited = Money.zero(currency);
    }

    /** Rebuilds a stored case. */
    public static DunningCase restore(UUID caseId, UUID invoiceId, String customerId, InvoiceDetails invoice,
                                      Money paid, Money credited, int lastStepIndex, LocalDate lastStepOn,
                                      Set<UUID> openDisputes, LocalDate disputedSince, boolean awaitingCredit,
                                      PromiseToPay promise,
                                      PaymentPlan plan, ManualHold exclusion, ClosureReason closure,
                                      LocalDate closedOn, LocalDate claimDeclarationDeadline) {
        DunningCase c = new DunningCase(caseId, invoiceId, customerId, paid.currency());
        c.invoice = invoice;
        c.paid = paid;
        c.credited = credited;
        c.lastStepIndex = lastStepIndex;
        c.lastStepOn = lastStepOn;
        c.openDisputes.addAll(openDisputes);
        c.disputedSince = disputedSince;
        c.awaitingCredit = awaitingCredit;
        c.promise = promise;
        c.plan = plan;
        c.exclusion = exclusion;
        c.closure = closure;
        c.closedOn = closedOn;
        c.claimDeclarationDeadline = claimDeclarationDeadline;
        return c;
    }

    /** The invoice was issued; facts that came before it already count. */
    public Optional<CaseClosed> issue(InvoiceDetails details, LocalDate on) {
        if (invoice != null) {
            return Optional.empty();
        }
        if (!details.amount().currency().equals(paid.currency())) {
            throw new DunningRuleViolation("currency", "of the invoice differs from its earlier payments'");
        }
        invoice = details;
        return closeIfSettled(on, ClosureReason.PAID);
    }

    /** A partial payment lowers the amount claimed; one that settles the balance closes the case. */
    public Optional<CaseClosed> registerPayment(Money amount, LocalDate on) {
        paid = paid.plus(amount);
        return closeIfSettled(on, ClosureReason.PAID);
    }

    /** A payment came back: a case it had settled is chased again. */
    public void reversePayment(Money amount) {
        paid = paid.minus(amount);
        if (closure == ClosureReason.PAID && openAmount().isPositive()) {
            closure = null;
            closedOn = null;
        }
    }

    public Optional<CaseClosed> applyCredit(Money amount, LocalDate on) {
        credited = credited.plus(amount);
        awaitingCredit = false;
        return closeIfSettled(on, ClosureReason.CREDITED);
    }

    public Optional<CaseClosed> cancel(LocalDate on) {
        return close(on, ClosureReason.CANCELLED);
    }

    public Optional<CaseClosed> writeOff(LocalDate on) {
        return close(on, ClosureReason.WRITTEN_OFF);
    }

    /** Insolvency proceedings: the case is never chased again and the claim must be declared by the deadline. */
    public Optional<CaseClosed> closeForInsolvency(LocalDate on, LocalDate declareBy) {
        Optional<CaseClosed> closed = close(on, ClosureReason.INSOLVENCY);
        if (closed.isPresent()) {
            claimDeclarationDeadline = declareBy;
        }
        return closed;
    }

    /** A dispute opened on {@code openedOn}; the case stays disputed from its first open dispute's date. */
    public void openDispute(UUID disputeId, LocalDate openedOn) {
        openDisputes.add(disputeId);
        if (disputedSince == null || openedOn.isBefore(disputedSince)) {
            disputedSince = openedOn;
        }
    }

    /** Resolution resumes dunning, unless a credit note was granted: then it waits for the credit. */
    public void resolveDispute(UUID disputeId, boolean credited) {
        openDisputes.remove(disputeId);
        if (openDisputes.isEmpty()) {
            disputedSince = null;
        }
        awaitingCredit = credited && !isClosed();
    }

    public void promise(PromiseToPay promiseToPay) {
        requireOpen();
        this.promise = promiseToPay;
    }

    public void agreePlan(PaymentPlan paymentPlan) {
        requireOpen();
        this.plan = paymentPlan;
        this.promise = null;
    }

    public void exclude(ManualHold hold) {
        requireOpen();
        this.exclusion = hold;
    }

    /** Records that the case reached {@code stepIndex}: a step already reached is never taken again. */
    void recordStep(int stepIndex, LocalDate on) {
        if (stepIndex <= lastStepIndex) {
            throw new IllegalStateException("step " + stepIndex + " is not after step " + lastStepIndex);
        }
        lastStepIndex = stepIndex;
        lastStepOn = on;
    }

    void endPromise() {
        promise = null;
    }

    void endPlan() {
        plan = null;
    }

    private void requireOpen() {
        if (invoice == null) {
            throw new DunningRuleViolation("invoiceId", "names no known invoice");
        }
        if (isClosed()) {
            throw new DunningRuleViolation("invoiceId", "names an invoice whose dunning is closed (" + closure + ")");
        }
    }

    private Optional<CaseClosed> closeIfSettled(LocalDate on, ClosureReason reason) {
        if (invoice == null || openAmount().isPositive()) {
            return Optional.empty();
        }
        return close(on, reason);
    }

    private Optional<CaseClosed> close(LocalDate on, ClosureReason reason) {
        if (isClosed()) {
            return Optional.empty();
        }
        closure = reason;
        closedOn = on;
        return Optional.of(new CaseClosed(caseId, customerId, invoiceId, on, reason, paid.atLeastZero()));
    }

    /** What is still owed; zero before the invoice is known. */
    public Money openAmount() {
        if (invoice == null) {
            return Money.zero(paid.currency());
        }
        return invoice.amount().minus(paid).minus(credited).atLeastZero();
    }

    public boolean isIssued() {
        return invoice != null;
    }

    public boolean isClosed() {
        return closure != null;
    }

    public boolean isDisputed() {
        return !openDisputes.isEmpty();
    }

    public boolean isAwaitingCredit() {
        return awaitingCredit;
    }

    public boolean isExcludedOn(LocalDate day) {
        return exclusion != null && exclusion.isActiveOn(day);
    }

    public UUID caseId() {
        return caseId;
    }

    public UUID invoiceId() {
        return invoiceId;
    }

    public String customerId() {
        return customerId;
    }

    public Currency currency() {
        return paid.currency();
    }

    public InvoiceDetails invoice() {
        return invoice;
    }

    public Money paid() {
        return paid;
    }

    public Money credited() {
        return credited;
    }

    /** The last step taken, -1 before the first. */
    public int lastStepIndex() {
        return lastStepIndex;
    }

    public LocalDate lastStepOn() {
        return lastStepOn;
    }

    public Set<UUID> openDisputes() {
        return Set.copyOf(openDisputes);
    }

    /** The day the oldest open dispute was opened; empty when none is open. */
    public Optional<LocalDate> disputedSince() {
        return Optional.ofNullable(disputedSince);
    }

    public Optional<PromiseToPay> promise() {
        return Optional.ofNullable(promise);
    }

    public Optional<PaymentPlan> plan() {
        return Optional.ofNullable(plan);
    }

    public Optional<ManualHold> exclusion() {
        return Optional.ofNullable(exclusion);
    }

    public Optional<ClosureReason> closure() {
        return Optional.ofNullable(closure);
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public Optional<LocalDate> claimDeclarationDeadline() {
        return Optional.ofNullable(claimDeclarationDeadline);
    }
}
