package io.relance.dunning.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The collectors' worklist: most urgent first (amount open × days overdue), in pages that stay stable while the
 * list is read. A page's cursor names the last item's priority and id, so the next page starts right after it.
 */
public final class Worklist {

    /** One page, and the cursor of the next one; null when this page is the last. */
    public record Page(List<WorkItem> items, String next) {

        public Page {
            items = List.copyOf(items);
        }
    }

    private Worklist() {
    }

    /** Whether a dispute opened on {@code disputedSince} has been open for more than {@code days} days. */
    public static boolean isDisputeOverdue(LocalDate disputedSince, LocalDate today, int days) {
        if (days < 0) {
            throw new DunningRuleViolation("disputeDays", "must not be negative");
        }
        return disputedSince.plusDays(days).isBefore(today);
    }

    /**
     * Up to {@code limit} items of {@code assignee} (everyone's when null) that come after {@code after} (from the
     * first when null), most urgent first; ties by item id.
     */
    public static Page page(Collection<WorkItem> items, LocalDate today, String assignee, String after, int limit) {
        if (limit < 1) {
            throw new DunningRuleViolation("limit", "must be at least 1");
        }
        Comparator<WorkItem> urgentFirst = Comparator.comparing((WorkItem i) -> i.priority(today)).reversed()
                .thenComparing(WorkItem::itemId);
        Cursor cursor = after == null ? null : Cursor.parse(after);
        List<WorkItem> sorted = items.stream()
                .filter(i -> assignee == null || assignee.equals(i.assignee()))
                .filter(i -> cursor == null || cursor.isBefore(i.priority(today), i.itemId()))
                .sorted(urgentFirst)
                .limit(limit + 1L)
                .toList();
        if (sorted.size() <= limit) {
            return new Page(sorted, null);
        }
        WorkItem last = sorted.get(limit - 1);
        return new Page(sorted.subList(0, limit), new Cursor(last.priority(today), last.itemId()).toString());
    }

    private record Cursor(BigDecimal priority, UUID itemId) {

        static Cursor parse(String text) {
            int separator = text.indexOf('_');
            try {
                return new Cursor(new BigDecimal(text.substring(0, separator)),
                        UUID.fromString(text.substring(separator + 1)));
            } catch (RuntimeException e) {
                throw new DunningRuleViolation("after", "must be the 'next' cursor of a previous page");
            }
        }

        boolean isBefore(BigDecimal otherPriority, UUID otherId) {
            int byPriority = otherPriority.compareTo(priority);
            return byPriority < 0 || (byPriority == 0 && otherId.compareTo(itemId) > 0);
        }

        @Override
        public String toString() {
            return priority.toPlainString() + '_' + itemId;
        }
    }
}
