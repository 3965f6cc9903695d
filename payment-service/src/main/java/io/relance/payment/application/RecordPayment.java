package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.payment.domain.Ibans;
import io.relance.payment.domain.IncomingPayment;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.PaymentMethod;
import io.relance.payment.domain.PaymentStatus;
import io.relance.payment.persistence.AllocationRepository;
import io.relance.payment.persistence.CandidateRepository;
import io.relance.payment.persistence.PaymentEntity;
import io.relance.payment.persistence.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Records a payment and applies it, in one transaction with its PaymentReceived event. The idempotency key makes a
 * resubmission (a retried call, a re-imported statement line, a repeated webhook) answer with the payment already
 * recorded instead of recording it twice.
 */
@ApplicationScoped
public class RecordPayment {

    /** Where a payment came from. */
    public enum Source { API, BANK_STATEMENT, PAYMENT_PROVIDER }

    public record Command(String idempotencyKey, Source source, BigDecimal amount, String currency,
                          LocalDate valueDate, PaymentMethod method, String payerName, String payerIban,
                          String remittance, List<String> invoiceReferences, String endToEndId) {

        public Command {
            invoiceReferences = invoiceReferences == null ? List.of() : List.copyOf(invoiceReferences);
        }
    }

    /** The payment, and whether this call recorded it (false: the key had been used for the same payment). */
    public record Outcome(PaymentView payment, boolean created) {
    }

    private final PaymentRepository payments;
    private final AllocationRepository allocations;
    private final CandidateRepository candidates;
    private final CashApplier cashApplier;
    private final Clock clock;

    RecordPayment(PaymentRepository payments, AllocationRepository allocations, CandidateRepository candidates,
                  CashApplier cashApplier, Clock clock) {
        this.payments = payments;
        this.allocations = allocations;
        this.candidates = candidates;
        this.cashApplier = cashApplier;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Outcome> record(Command command) {
        return recordInCurrentTransaction(command);
    }

    /** For callers that already hold a transaction, such as a statement import recording many lines at once. */
    Uni<Outcome> recordInCurrentTransaction(Command command) {
        Money amount = new Money(command.amount(), Money.currency(command.currency()));
        String iban = Ibans.normalize(command.payerIban(), "payerIban");
        // Checks the payment's own rules (a positive amount) before anything is looked up or stored.
        new IncomingPayment(amount, command.valueDate(), command.payerName(), iban, command.remittance(),
                command.invoiceReferences());
        return payments.byIdempotencyKey(command.idempotencyKey()).chain(existing -> {
            if (existing.isPresent()) {
                List<String> differences = differences(existing.get(), command, amount, iban);
                if (!differences.isEmpty()) {
                    return Uni.createFrom().failure(new ConflictingPaymentException(command.idempotencyKey(), differences));
                }
                return view(existing.get()).map(view -> new Outcome(view, false));
            }
            PaymentEntity payment = newPayment(command, amount, iban);
            return payments.persist(payment)
                    .chain(() -> cashApplier.apply(payment))
                    .chain(() -> view(payment))
                    .map(view -> new Outcome(view, true));
        });
    }

    private Uni<PaymentView> view(PaymentEntity payment) {
        return allocations.ofPayment(payment.id).chain(lines -> candidates.ofPayments(List.of(payment.id))
                .map(ranked -> PaymentView.of(payment, lines, ranked)));
    }

    private PaymentEntity newPayment(Command command, Money amount, String iban) {
        PaymentEntity payment = new PaymentEntity();
        payment.id = UUID.randomUUID();
        payment.idempotencyKey = command.idempotencyKey();
        payment.source = command.source().name();
        payment.amount = amount.amount();
        payment.currency = amount.code();
        payment.valueDate = command.valueDate();
        payment.method = command.method();
        payment.payerName = command.payerName();
        payment.payerIban = iban;
        payment.remittance = command.remittance();
        payment.references(command.invoiceReferences());
        payment.endToEndId = command.endToEndId();
        payment.status = PaymentStatus.UNMATCHED;
        payment.recordedAt = clock.instant();
        return payment;
    }

    private static List<String> differences(PaymentEntity existing, Command command, Money amount, String iban) {
        List<String> differing = new ArrayList<>();
        if (existing.amount.compareTo(amount.amount()) != 0) {
            differing.add("amount");
        }
        if (!existing.currency.equals(amount.code())) {
            differing.add("currency");
        }
        if (!existing.valueDate.equals(command.valueDate())) {
            differing.add("valueDate");
        }
        if (existing.method != command.method()) {
            differing.add("method");
        }
        if (!Objects.equals(existing.payerIban, iban)) {
            differing.add("payerIban");
        }
        if (!Objects.equals(existing.payerName, command.payerName())) {
            differing.add("payerName");
        }
        if (!Objects.equals(existing.remittance, command.remittance())) {
            differing.add("remittance");
        }
        if (!existing.references().equals(command.invoiceReferences())) {
            differing.add("invoiceReferences");
        }
        return differing;
    }
}
