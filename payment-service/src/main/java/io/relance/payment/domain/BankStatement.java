package io.relance.payment.domain;

import java.util.List;
import java.util.Objects;

/**
 * A camt.053 statement or camt.054 notification reduced to what receivables need.
 *
 * @param messageType for example {@code camt.053.001.08}
 * @param ignoredEntries entries that are neither customer credits nor returns (fees, outgoing payments, pending)
 */
public record BankStatement(String messageType, String id, String accountIban, List<StatementLine> lines,
                            int ignoredEntries) {

    public BankStatement {
        Objects.requireNonNull(messageType, "messageType");
        Objects.requireNonNull(id, "id");
        lines = List.copyOf(lines);
    }
}
