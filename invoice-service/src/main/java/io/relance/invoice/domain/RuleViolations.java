package io.relance.invoice.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Every business rule a request breaks at once, each naming its field and the rule, so a caller fixes all in one go. */
public class RuleViolations extends RuntimeException {

    /** One broken rule. */
    public record Violation(String field, String rule) {
    }

    private final List<Violation> violations;

    public RuleViolations(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + " " + v.rule()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    /** Collects violations while a request is checked, then throws them all together. */
    public static final class Collector {

        private final List<Violation> found = new ArrayList<>();

        public void add(String field, String rule) {
            found.add(new Violation(field, rule));
        }

        /** Runs a check that throws {@link InvoiceRuleViolation}, keeping its violation instead of stopping. */
        public <T> T check(Supplier<T> check) {
            try {
                return check.get();
            } catch (InvoiceRuleViolation e) {
                add(e.field(), e.rule());
                return null;
            }
        }

        public void throwIfAny() {
            if (!found.isEmpty()) {
                throw new RuleViolations(found);
            }
        }
    }
}
