package io.relance.payment.persistence;

import io.relance.payment.domain.MatchDecision;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "payment_candidate")
public class CandidateEntity {

    private static final String REASON_SEPARATOR = "\n";

    @Id
    public UUID id;
    @Column(name = "payment_id", nullable = false)
    public UUID paymentId;
    @Column(nullable = false)
    public int rank;
    @Column(name = "invoice_id", nullable = false)
    public UUID invoiceId;
    @Column(name = "customer_id", nullable = false)
    public String customerId;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;
    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;
    @Column(name = "open_amount", nullable = false, precision = 19, scale = 4)
    public BigDecimal openAmount;
    @Column(nullable = false, length = 3)
    public String currency;
    @Column(nullable = false)
    public int score;
    @Column(nullable = false)
    public String reasons;

    public static CandidateEntity of(UUID paymentId, int rank, MatchDecision.Candidate candidate) {
        CandidateEntity entity = new CandidateEntity();
        entity.id = UUID.randomUUID();
        entity.paymentId = paymentId;
        entity.rank = rank;
        entity.invoiceId = candidate.item().invoiceId();
        entity.customerId = candidate.item().customerId();
        entity.invoiceNumber = candidate.item().invoiceNumber();
        entity.dueDate = candidate.item().dueDate();
        entity.openAmount = candidate.item().openAmount().amount();
        entity.currency = candidate.item().openAmount().code();
        entity.score = candidate.score();
        entity.reasons = String.join(REASON_SEPARATOR, candidate.reasons());
        return entity;
    }

    public List<String> reasonList() {
        return reasons.isEmpty() ? List.of() : List.of(reasons.split(REASON_SEPARATOR));
    }
}
