package io.relance.payment.benchmark;

import io.relance.payment.domain.CashApplication;
import io.relance.payment.domain.MatchDecision;
import io.relance.payment.domain.PaymentAllocation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matching quality: a statement of 10,000 credit entries with realistic remittance noise against 50,000 open
 * invoices, run through the real cash-application engine ({@link CashApplication}, plain Java, so in-process: no
 * database or broker time is counted), each decision applied to the ledger before the next as the service does.
 * Prints the share matched correctly, queued and matched wrongly, per kind of entry, and entries per second.
 * Run: {@code ./mvnw -o -q -pl payment-service -am -Pbenchmark -DskipTests verify} (see the README).
 */
public final class MatchingBenchmark {

    private enum Outcome { CORRECT, QUEUED, WRONG }

    private MatchingBenchmark() {
    }

    public static void main(String[] args) {
        long seed = Long.getLong("benchmark.seed", 20260504L);
        int invoices = Integer.getInteger("benchmark.invoices", 50_000);
        int entries = Integer.getInteger("benchmark.entries", 10_000);
        int customers = Integer.getInteger("benchmark.customers", 8_000);
        RemittanceWorld world = new RemittanceWorld(seed, customers, invoices, entries);
        CashApplication engine = new CashApplication();

        Map<RemittanceWorld.Kind, Map<Outcome, Integer>> table = new EnumMap<>(RemittanceWorld.Kind.class);
        List<String> wrongExamples = new ArrayList<>();
        long started = System.nanoTime();
        for (RemittanceWorld.Entry entry : world.entries) {
            MatchDecision decision = engine.match(entry.payment(), world.ledger);
            Outcome outcome;
            if (decision instanceof MatchDecision.Matched matched) {
                world.ledger.settle(matched.allocations(), entry.payment().payerIban(), matched.customerId());
                outcome = isTruth(matched, entry) ? Outcome.CORRECT : Outcome.WRONG;
                if (outcome == Outcome.WRONG && wrongExamples.size() < 15) {
                    wrongExamples.add(describe(entry, matched, world));
                }
            } else {
                outcome = Outcome.QUEUED;
            }
            table.computeIfAbsent(entry.kind(), k -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        print(table, world, seconds, seed, customers, wrongExamples);
    }

    private static boolean isTruth(MatchDecision.Matched matched, RemittanceWorld.Entry entry) {
        if (entry.customerId() == null || !entry.customerId().equals(matched.customerId())) {
            return false;
        }
        Map<java.util.UUID, BigDecimal> got = new LinkedHashMap<>();
        for (PaymentAllocation allocation : matched.allocations()) {
            got.merge(allocation.invoiceId(), allocation.amount().amount(), BigDecimal::add);
        }
        return got.size() == entry.allocations().size() && entry.allocations().entrySet().stream()
                .allMatch(e -> got.containsKey(e.getKey()) && got.get(e.getKey()).compareTo(e.getValue()) == 0);
    }

    private static String describe(RemittanceWorld.Entry entry, MatchDecision.Matched matched, RemittanceWorld world) {
        List<String> got = matched.allocations().stream()
                .map(a -> world.ledger.item(a.invoiceId()).invoiceNumber() + "=" + a.amount().amount()).toList();
        List<String> wanted = entry.allocations().entrySet().stream()
                .map(e -> world.ledger.item(e.getKey()).invoiceNumber() + "=" + e.getValue()).toList();
        return "%s %s \"%s\" refs=%s payer=\"%s\": got %s %s %s, truth %s %s".formatted(entry.kind(),
                entry.payment().amount().amount(), entry.payment().remittance(), entry.payment().invoiceReferences(),
                entry.payment().payerName(), matched.rule(), matched.customerId(), got,
                entry.customerId() == null ? "queue" : entry.customerId(), wanted);
    }

    private static void print(Map<RemittanceWorld.Kind, Map<Outcome, Integer>> table, RemittanceWorld world,
                              double seconds, long seed, int customers, List<String> wrongExamples) {
        int total = world.entries.size();
        System.out.printf("%nMatching quality: %,d credit entries against %,d open invoices of %,d customers (seed %d)%n%n",
                total, world.invoiceCount, customers, seed);
        System.out.printf("%-28s %7s %9s %8s %7s %s%n", "kind of entry", "entries", "correct", "queued", "wrong", "truth");
        int[] sums = new int[3];
        int mustQueue = 0;
        for (RemittanceWorld.Kind kind : RemittanceWorld.Kind.values()) {
            Map<Outcome, Integer> row = table.getOrDefault(kind, Map.of());
            int correct = row.getOrDefault(Outcome.CORRECT, 0);
            int queued = row.getOrDefault(Outcome.QUEUED, 0);
            int wrong = row.getOrDefault(Outcome.WRONG, 0);
            boolean queueIsRight = kind == RemittanceWorld.Kind.WRONG_CURRENCY || kind == RemittanceWorld.Kind.UNKNOWN_PAYER;
            if (queueIsRight) {
                mustQueue += queued + wrong;
            }
            System.out.printf("%-28s %7d %9d %8d %7d %s%n", kind.name().toLowerCase().replace('_', ' '),
                    correct + queued + wrong, correct, queued, wrong, queueIsRight ? "must be queued" : "one right match");
            sums[0] += correct;
            sums[1] += queued;
            sums[2] += wrong;
        }
        System.out.printf("%nmatched automatically and correctly: %6.2f %% (%d of %d; %.2f %% of the %d entries that can be matched)%n",
                100.0 * sums[0] / total, sums[0], total, 100.0 * sums[0] / (total - mustQueue), total - mustQueue);
        System.out.printf("queued for a collector:              %6.2f %% (%d, of which %d must be queued)%n",
                100.0 * sums[1] / total, sums[1], mustQueue - (int) table.entrySet().stream()
                        .filter(e -> e.getKey() == RemittanceWorld.Kind.WRONG_CURRENCY || e.getKey() == RemittanceWorld.Kind.UNKNOWN_PAYER)
                        .mapToInt(e -> e.getValue().getOrDefault(Outcome.WRONG, 0)).sum());
        System.out.printf("matched wrongly:                     %6.2f %% (%d)%n", 100.0 * sums[2] / total, sums[2]);
        System.out.printf("throughput: %,.0f entries per second (%.2f s, one thread, engine and in-memory ledger only)%n",
                total / seconds, seconds);
        if (!wrongExamples.isEmpty()) {
            System.out.printf("%nFirst wrong matches:%n");
            wrongExamples.forEach(line -> System.out.println("  " + line));
        }
    }
}
