package io.relance.invoice.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.PaymentLine;
import io.relance.invoice.domain.RuleViolations;
import io.relance.invoice.domain.TimelineEntry;
import io.relance.invoice.domain.customer.CustomerDetails;
import io.relance.invoice.domain.customer.ErasedCustomerException;
import io.relance.invoice.messaging.InvoiceEvents;
import io.relance.invoice.persistence.CustomerRepository;
import io.relance.invoice.persistence.InvoiceRepository;
import io.relance.invoice.persistence.PendingPaymentRepository;
import io.relance.invoice.persistence.TimelineRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Records an invoice and its InvoiceIssued event in one transaction; a resubmission is answered, not repeated.
 * An ERP invoice is identified by (source system, external id), one entered in Relance by its number.
 */
@ApplicationScoped
public class IssueInvoice {

    /** The invoice, and whether this call created it (false: the same invoice had already been issued). */
    public record Outcome(Invoice invoice, boolean created) {
    }

    private final InvoiceRepository invoices;
    private final CustomerRepository customers;
    private final TimelineRepository timeline;
    private final PendingPaymentRepository pending;
    private final RecordPayment recordPayment;
    private final SaveCustomer saveCustomer;
    private final Outbox outbox;
    private final Clock clock;

    IssueInvoice(InvoiceRepository invoices, CustomerRepository customers, TimelineRepository timeline,
                 PendingPaymentRepository pending, RecordPayment recordPayment, SaveCustomer saveCustomer, Outbox outbox,
                 Clock clock) {
        this.invoices = invoices;
        this.customers = customers;
        this.timeline = timeline;
        this.pending = pending;
        this.recordPayment = recordPayment;
        this.saveCustomer = saveCustomer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The customer's profile as an ERP sent it with an invoice: it creates the customer when Relance does not know it
     * yet and is ignored otherwise, so replaying old invoices never rolls a newer profile back.
     */
    public record EmbeddedCustomer(String customerId, CustomerDetails.Draft draft) {
    }

    @WithTransaction
    public Uni<Outcome> issue(Invoice.Submission submission) {
        return issue(submission, null);
    }

    /** Issues the invoice, creating its customer from {@code embedded} (may be null) when the customer is new. */
    @WithTransaction
    public Uni<Outcome> issue(Invoice.Submission submission, EmbeddedCustomer embedded) {
        return Uni.createFrom().item(() -> checked(submission.customerId(), embedded))
                .chain(details -> issueChecked(submission, details, Known.NOTHING, Outbox.currentTraceparent()));
    }

    /**
     * One item of a batch: its submission and embedded customer, or why it was refused before any query, and the
     * trace its InvoiceIssued belongs to (null: the trace of the batch's own request or record).
     */
    public record BatchItem(Invoice.Submission submission, EmbeddedCustomer customer, RuntimeException refused,
                            String traceparent) {

        public BatchItem(Invoice.Submission submission, EmbeddedCustomer customer, RuntimeException refused) {
            this(submission, customer, refused, null);
        }
    }

    /** One item's result: its outcome, or the rule it breaks (nothing of it stored). */
    public record BatchOutcome(Outcome outcome, RuntimeException rejection) {
    }

    /**
     * Issues a batch in one transaction: one commit, and its WAL flush, instead of one per invoice, which is what
     * intake costs. An item that breaks a rule is found out by reading before anything of it is written, so it is
     * rejected alone and the others commit together. A database error fails the whole call (nothing is stored);
     * the caller then issues the items one by one.
     * <p>
     * Items the batch's set queries show to be new, with a free number, an existing customer and no payment waiting
     * are written together, three multi-row inserts (invoices, timeline, outbox) per run of such items; any other
     * item goes the way of a single invoice, after the run before it is written, so it sees what that run stored.
     */
    @WithTransaction
    public Uni<List<BatchOutcome>> issueAll(List<BatchItem> items) {
        List<Invoice.Submission> submissions = items.stream().filter(item -> item.refused() == null)
                .map(BatchItem::submission).toList();
        String batchTrace = Outbox.currentTraceparent();
        return prefetch(submissions).chain(known -> {
            BatchOutcome[] outcomes = new BatchOutcome[items.size()];
            List<Traced> run = new ArrayList<>();
            Uni<Void> work = Uni.createFrom().voidItem();
            for (int i = 0; i < items.size(); i++) {
                BatchItem item = items.get(i);
                int position = i;
                String trace = item.traceparent() != null ? item.traceparent() : batchTrace;
                if (item.refused() != null) {
                    outcomes[i] = new BatchOutcome(null, item.refused());
                    continue;
                }
                CustomerDetails details;
                try {
                    details = checked(item.submission().customerId(), item.customer());
                    if (known.surelyIssuable(item.submission())) {
                        Invoice issued = Invoice.issue(item.submission(), clock.instant());
                        known.claim(item.submission());
                        run.add(new Traced(issued, trace));
                        outcomes[i] = new BatchOutcome(new Outcome(issued, true), null);
                        continue;
                    }
                } catch (RuntimeException e) {
                    if (!isRejection(e)) {
                        throw e;
                    }
                    outcomes[i] = new BatchOutcome(null, e);
                    continue;
                }
                List<Traced> written = List.copyOf(run);
                run.clear();
                work = work.chain(() -> writeAll(written))
                        .chain(() -> issueChecked(item.submission(), details, known, trace))
                        .map(outcome -> new BatchOutcome(outcome, null))
                        .onFailure(IssueInvoice::isRejection)
                        .recoverWithItem(e -> new BatchOutcome(null, (RuntimeException) e))
                        .invoke(outcome -> outcomes[position] = outcome)
                        // Written and forgotten: a session holding the batch would dirty-check it before each query.
                        .chain(() -> Panache.getSession().chain(session -> session.flush().invoke(session::clear)));
            }
            List<Traced> last = List.copyOf(run);
            return work.chain(() -> writeAll(last)).map(ignored -> List.of(outcomes));
        });
    }

    /** An invoice a batch issues, with the trace of the request or record that submitted it. */
    private record Traced(Invoice invoice, String traceparent) {
    }

    /** New invoices known to break no rule, with their ISSUED timeline entries and InvoiceIssued events. */
    private Uni<Void> writeAll(List<Traced> traced) {
        if (traced.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Invoice> issued = traced.stream().map(Traced::invoice).toList();
        Instant now = clock.instant();
        return invoices.addAll(issued)
                .chain(() -> timeline.recordAll(issued.stream().map(invoice -> new TimelineEntry(invoice.id(),
                        TimelineEntry.Kind.ISSUED, invoice.issueDate(), invoice.amount(), invoice.number(), null,
                        invoice.recordedAt())).toList()))
                .chain(() -> Panache.getSession().chain(session -> outbox.appendAll(session,
                        issued.stream().map(invoice -> InvoiceEvents.issued(invoice, now)).toList(),
                        traced.stream().map(Traced::traceparent).toList())));
    }

    /**
     * The reads every item of a batch would make, made once for the whole batch with four set queries; an item
     * that an earlier item of the same batch may have changed ({@link Known#claim}) is read on its own again.
     */
    private Uni<Known> prefetch(List<Invoice.Submission> submissions) {
        if (submissions.isEmpty()) {
            return Uni.createFrom().item(Known.NOTHING);
        }
        List<Invoice.Submission> erp = submissions.stream().filter(s -> s.sourceSystem() != null).toList();
        Set<String> systems = erp.stream().map(Invoice.Submission::sourceSystem).collect(Collectors.toSet());
        Set<String> externalIds = erp.stream().map(Invoice.Submission::externalId).collect(Collectors.toSet());
        Set<String> customerIds = submissions.stream().map(Invoice.Submission::customerId).collect(Collectors.toSet());
        Set<String> numbers = submissions.stream().map(Invoice.Submission::number).collect(Collectors.toSet());
        Set<UUID> ids = submissions.stream().map(Invoice.Submission::invoiceId).collect(Collectors.toSet());
        Uni<Set<String>> sources = erp.isEmpty() ? Uni.createFrom().item(Set.of())
                : invoices.storedSourceReferences(systems, externalIds);
        return sources.chain(stored ->
                customers.existingIds(customerIds).chain(existing ->
                        invoices.takenNumbers(numbers).chain(taken ->
                                pending.invoicesWaitedFor(ids).map(waited -> new Known(true, stored, existing, taken,
                                        waited, ConcurrentHashMap.newKeySet())))));
    }

    /**
     * What a batch's set queries found. {@code complete} says the sets cover the batch: a reference or number not
     * in them was free when the batch began, and stays so unless an earlier item claimed it.
     */
    private record Known(boolean complete, Set<String> storedSources, Set<String> existingCustomers,
                         Set<String> takenNumbers, Set<UUID> waitedFor, Set<String> claimed) {

        static final Known NOTHING = new Known(false, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

        /** Not issued before: for an invoice entered in Relance, whose identity is its number, a free number. */
        boolean surelyNew(Invoice.Submission s) {
            if (s.sourceSystem() == null) {
                return surelyFreeNumber(s);
            }
            String key = Invoice.sourceKey(s.sourceSystem(), s.externalId());
            return complete && !storedSources.contains(key) && !claimed.contains(key);
        }

        boolean surelyFreeNumber(Invoice.Submission s) {
            String key = Invoice.numberKey(s.issuer(), s.number());
            return complete && !takenNumbers.contains(key) && !claimed.contains(key);
        }

        boolean surelyNoPending(Invoice.Submission s) {
            return complete && !waitedFor.contains(s.invoiceId());
        }

        /** New, with a free number, a stored customer and no payment waiting: nothing to read before writing it. */
        boolean surelyIssuable(Invoice.Submission s) {
            return surelyNew(s) && surelyFreeNumber(s) && surelyNoPending(s) && existingCustomers.contains(s.customerId());
        }

        void claim(Invoice.Submission s) {
            if (complete) {
                claimed.add(Invoice.sourceKey(s.sourceSystem(), s.externalId()));
                claimed.add(Invoice.numberKey(s.issuer(), s.number()));
            }
        }
    }

    /** Whether a failure is a business refusal of the submission (as opposed to an outage or a bug). */
    public static boolean isRejection(Throwable e) {
        return e instanceof InvoiceRuleViolation || e instanceof RuleViolations || e instanceof ConflictException
                || e instanceof ConflictingInvoiceException || e instanceof UnprocessableException
                || e instanceof ErasedCustomerException;
    }

    private Uni<Outcome> issueChecked(Invoice.Submission submission, CustomerDetails newCustomer, Known known,
                                      String traceparent) {
        Uni<Optional<Invoice>> same = known.surelyNew(submission) ? Uni.createFrom().item(Optional.empty())
                : submission.sourceSystem() == null ? invoices.byNumber(submission.issuer(), submission.number())
                : invoices.bySourceReference(submission.sourceSystem(), submission.externalId());
        return same.chain(existing -> {
            if (existing.isPresent()) {
                List<String> differences = existing.get().differencesFrom(submission);
                if (!differences.isEmpty()) {
                    return Uni.createFrom().failure(new ConflictingInvoiceException(submission.number(), differences));
                }
                return Uni.createFrom().item(new Outcome(existing.get(), false));
            }
            Invoice issued = Invoice.issue(submission, clock.instant());
            Uni<Void> customer = known.existingCustomers().contains(submission.customerId())
                    ? Uni.createFrom().voidItem() : requireCustomer(submission.customerId(), newCustomer);
            return customer
                    .chain(() -> known.surelyFreeNumber(submission) ? Uni.createFrom().voidItem()
                            : requireFreeNumber(submission))
                    .invoke(() -> known.claim(submission))
                    .chain(() -> timeline.record(new TimelineEntry(issued.id(), TimelineEntry.Kind.ISSUED,
                            issued.issueDate(), issued.amount(), issued.number(), null, clock.instant())))
                    .chain(() -> known.surelyNoPending(submission) ? Uni.createFrom().item(List.<PaymentLine>of())
                            : pending.takeFor(issued.id()))
                    .chain(lines -> applyPending(issued, lines))
                    .call(invoice -> invoices.add(invoice))
                    .call(() -> Panache.getSession().chain(session -> outbox.append(session,
                            InvoiceEvents.issued(issued, clock.instant()), traceparent)))
                    .map(invoice -> new Outcome(invoice, true));
        });
    }

    /** Payments that arrived before the invoice are applied now, each with its timeline entry. */
    private Uni<Invoice> applyPending(Invoice issued, List<PaymentLine> lines) {
        Invoice invoice = issued;
        Uni<Void> entries = Uni.createFrom().voidItem();
        for (PaymentLine line : lines) {
            invoice = line.applyTo(invoice);
            entries = entries.chain(() -> timeline.record(recordPayment.entry(line)));
        }
        Invoice withPayments = invoice;
        return entries.replaceWith(withPayments);
    }

    private Uni<Void> requireCustomer(String customerId, CustomerDetails newCustomer) {
        return customers.byId(customerId).chain(customer -> {
            if (customer.isPresent()) {
                return Uni.createFrom().voidItem();
            }
            if (newCustomer != null) {
                return saveCustomer.saveChecked(customerId, newCustomer).replaceWithVoid();
            }
            return Uni.createFrom().failure(new UnprocessableException("customerId",
                    "must name an existing customer (create it with PUT /customers/" + customerId
                            + ", or send its profile as customer with the invoice)"));
        });
    }

    /** The embedded profile is checked whether or not it is used, so an ERP learns of bad data at once. */
    private CustomerDetails checked(String customerId, EmbeddedCustomer embedded) {
        if (embedded == null) {
            return null;
        }
        RuleViolations.Collector violations = new RuleViolations.Collector();
        if (!Objects.equals(customerId, embedded.customerId())) {
            violations.add("customer.customerId", "must equal the invoice's customerId (" + customerId + ")");
        }
        CustomerDetails details = null;
        try {
            details = CustomerDetails.check(embedded.draft(), LocalDate.now(clock));
        } catch (RuleViolations e) {
            e.violations().forEach(v -> violations.add("customer." + v.field(), v.rule()));
        }
        violations.throwIfAny();
        return details;
    }

    private Uni<Void> requireFreeNumber(Invoice.Submission submission) {
        return invoices.byNumber(submission.issuer(), submission.number()).chain(other -> other.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(new ConflictException("invoice number " + submission.number()
                + " is already used by invoice " + other.get().id() + " of issuer " + submission.issuer(),
                List.of("invoiceNumber"))));
    }
}
