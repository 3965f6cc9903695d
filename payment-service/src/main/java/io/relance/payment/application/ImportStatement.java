package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.relance.payment.config.PaymentConfig;
import io.relance.payment.domain.BankStatement;
import io.relance.payment.domain.PaymentStatus;
import io.relance.payment.domain.StatementLine;
import io.relance.payment.persistence.PaymentEntity;
import io.relance.payment.persistence.PaymentRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Imports a camt.053 statement or camt.054 notification in one transaction: each customer credit becomes a payment
 * (keyed by the bank's reference, so a re-import changes nothing), each returned direct debit reverses the payment
 * it returns. A file that cannot be read is refused whole.
 */
@ApplicationScoped
public class ImportStatement {

    /** What the import did, line by line counted. */
    public record Report(String messageType, String statementId, String account, int recorded, int alreadyImported,
                         int reversed, List<String> unresolvedReturns, int ignoredEntries, List<UUID> payments) {
    }

    private final BankStatementReader reader;
    private final RecordPayment recordPayment;
    private final UndoPayment undoPayment;
    private final PaymentRepository payments;

    ImportStatement(PaymentConfig config, RecordPayment recordPayment, UndoPayment undoPayment, PaymentRepository payments) {
        this.reader = new BankStatementReader(config.statementMaxBytes());
        this.recordPayment = recordPayment;
        this.undoPayment = undoPayment;
        this.payments = payments;
    }

    /** The file is read and screened before any statement is written: a refused file leaves nothing behind. */
    @WithTransaction
    public Uni<Report> importFile(byte[] xml) {
        return apply(reader.read(xml));
    }

    private Uni<Report> apply(BankStatement statement) {
        Tally tally = new Tally();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StatementLine line : statement.lines()) {
            chain = chain.chain(() -> line.kind() == StatementLine.Kind.CREDIT ? credit(statement, line, tally)
                    : reverse(line, tally));
        }
        return chain.map(ignored -> new Report(statement.messageType(), statement.id(), statement.accountIban(),
                tally.recorded, tally.already, tally.reversed, tally.unresolved, statement.ignoredEntries(), tally.payments));
    }

    private Uni<Void> credit(BankStatement statement, StatementLine line, Tally tally) {
        RecordPayment.Command command = new RecordPayment.Command("camt:" + statement.accountIban() + ":" + line.reference(),
                RecordPayment.Source.BANK_STATEMENT, line.amount().amount(), line.amount().code(), line.valueDate(),
                line.method(), line.payerName(), line.payerIban(), line.remittance(), line.invoiceReferences(),
                line.endToEndId());
        return recordPayment.recordInCurrentTransaction(command).invoke(outcome -> {
            tally.payments.add(outcome.payment().id());
            if (outcome.created()) {
                tally.recorded++;
            } else {
                tally.already++;
            }
        }).replaceWithVoid();
    }

    private Uni<Void> reverse(StatementLine line, Tally tally) {
        if (line.endToEndId() == null) {
            tally.unresolved.add(line.reference());
            return Uni.createFrom().voidItem();
        }
        return payments.byEndToEndId(line.endToEndId()).chain(found -> {
            PaymentEntity original = found.stream()
                    .filter(p -> p.amount.compareTo(line.amount().amount()) == 0 && p.currency.equals(line.amount().code()))
                    .findFirst().orElse(null);
            if (original == null) {
                tally.unresolved.add(line.reference());
                return Uni.createFrom().voidItem();
            }
            tally.payments.add(original.id);
            if (original.status == PaymentStatus.REVERSED) {
                tally.already++;
                return Uni.createFrom().voidItem();
            }
            tally.reversed++;
            return undoPayment.reverse(original, "returned direct debit"
                    + (line.returnReason() == null ? "" : " (" + line.returnReason() + ")"));
        });
    }

    private static final class Tally {
        int recorded;
        int already;
        int reversed;
        final List<String> unresolved = new ArrayList<>();
        final List<UUID> payments = new ArrayList<>();
    }
}
