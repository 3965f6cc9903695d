package io.relance.payment.domain;

import java.util.List;
import java.util.Objects;

/** The outcome of cash application for one payment: applied with confidence, or queued for a collector. */
public sealed interface MatchDecision {

    /** Applied to {@code allocations} of one customer; {@code unapplied} stays as a credit on its account. */
    record Matched(String customerId, MatchRule rule, List<PaymentAllocation> allocations, Money unapplied)
            implements MatchDecision {

        public Matched {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(rule, "rule");
            allocations = List.copyOf(allocations);
            Objects.requireNonNull(unapplied, "unapplied");
        }

        public Money allocated() {
            return allocations.stream().map(PaymentAllocation::amount).reduce(Money::plus).orElse(Money.zero(unapplied.currency()));
        }
    }

    /** Not applied: why, and the invoices a collector should look at first, best first. */
    record Unmatched(String reason, List<Candidate> candidates) implements MatchDecision {

        public Unmatched {
            Objects.requireNonNull(reason, "reason");
            candidates = List.copyOf(candidates);
        }
    }

    /** An invoice the payment may be for, with a score (higher is likelier) and what speaks for and against it. */
    record Candidate(OpenItem item, int score, List<String> reasons) {

        public Candidate {
            Objects.requireNonNull(item, "item");
            reasons = List.copyOf(reasons);
        }
    }
}
