package io.relance.invoice.api;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** What became of each item of a batch, in the order sent; the accepted ones are stored whatever the others do. */
public record BatchResult(int accepted, int rejected, List<Item> items) {

    public enum Outcome { CREATED, ALREADY_ISSUED, REJECTED }

    /** {@code invoice} when accepted, {@code problem} when rejected. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, Outcome outcome, InvoiceResponse invoice, Problem problem) {
    }

    static BatchResult of(List<Item> items) {
        int rejected = (int) items.stream().filter(item -> item.outcome() == Outcome.REJECTED).count();
        return new BatchResult(items.size() - rejected, rejected, items);
    }
}
