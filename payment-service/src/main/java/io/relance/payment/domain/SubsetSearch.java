package io.relance.payment.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the one set of two or more open items whose balances add up to a paid amount, if exactly one exists. */
final class SubsetSearch {

    /** Customers with hundreds of small invoices make the search explode; beyond this, queue instead. */
    private static final int MAX_STEPS = 200_000;

    enum Outcome { NONE, UNIQUE, AMBIGUOUS }

    record Result(Outcome outcome, List<OpenItem> items) {
    }

    private final long[] amounts;
    private final long[] suffixSums;
    private final List<OpenItem> sorted;
    private final List<List<OpenItem>> found = new ArrayList<>();
    private int steps;

    private SubsetSearch(List<OpenItem> items) {
        sorted = items.stream().sorted(Comparator.comparing((OpenItem i) -> i.openAmount().amount()).reversed()).toList();
        amounts = sorted.stream().mapToLong(i -> minorUnits(i.openAmount())).toArray();
        suffixSums = new long[amounts.length + 1];
        for (int i = amounts.length - 1; i >= 0; i--) {
            suffixSums[i] = suffixSums[i + 1] + amounts[i];
        }
    }

    /** Every item must be open and in the currency of {@code target}. */
    static Result of(List<OpenItem> items, Money target) {
        SubsetSearch search = new SubsetSearch(items.stream()
                .filter(i -> i.openAmount().compareTo(target) < 0).toList());
        search.walk(0, minorUnits(target), new ArrayList<>());
        if (search.steps > MAX_STEPS || search.found.size() > 1) {
            return new Result(Outcome.AMBIGUOUS, List.of());
        }
        return search.found.isEmpty() ? new Result(Outcome.NONE, List.of())
                : new Result(Outcome.UNIQUE, search.found.get(0));
    }

    private void walk(int index, long remaining, List<OpenItem> chosen) {
        if (found.size() > 1 || ++steps > MAX_STEPS) {
            return;
        }
        if (remaining == 0) {
            if (chosen.size() >= 2) {
                found.add(List.copyOf(chosen));
            }
            return;
        }
        if (index == amounts.length || suffixSums[index] < remaining) {
            return;
        }
        if (amounts[index] <= remaining) {
            chosen.add(sorted.get(index));
            walk(index + 1, remaining - amounts[index], chosen);
            chosen.remove(chosen.size() - 1);
        }
        walk(index + 1, remaining, chosen);
    }

    private static long minorUnits(Money money) {
        return money.amount().movePointRight(money.currency().getDefaultFractionDigits()).longValueExact();
    }
}
