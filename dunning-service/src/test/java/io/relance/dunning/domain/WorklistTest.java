package io.relance.dunning.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.relance.dunning.domain.Cases.eur;
import static io.relance.dunning.domain.Cases.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorklistTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    @Test
    void theMostUrgentItemIsTheLargestAmountOpenTimesDaysOverdue() {
        WorkItem bigButRecent = item("big", "alice", "9000.00", TODAY.minusDays(2));
        WorkItem smallButOld = item("old", "alice", "500.00", TODAY.minusDays(60));
        WorkItem middle = item("mid", "alice", "1000.00", TODAY.minusDays(20));

        Worklist.Page page = Worklist.page(List.of(bigButRecent, smallButOld, middle), TODAY, null, null, 10);

        // 500 x 60 = 30000 > 1000 x 20 = 20000 > 9000 x 2 = 18000
        assertThat(page.items()).containsExactly(smallButOld, middle, bigButRecent);
        assertThat(page.next()).isNull();
    }

    @Test
    void anItemNotYetOverdueComesAfterEveryOverdueOne() {
        WorkItem notDue = item("not-due", null, "100000.00", TODAY.plusDays(3));
        WorkItem overdue = item("overdue", null, "1.00", TODAY.minusDays(1));

        assertThat(notDue.daysOverdue(TODAY)).isZero();
        assertThat(Worklist.page(List.of(notDue, overdue), TODAY, null, null, 10).items())
                .containsExactly(overdue, notDue);
    }

    @Test
    void aCollectorSeesOnlyTheItemsOfTheCustomersAssignedToThem() {
        WorkItem alices = item("a", "alice", "100.00", TODAY.minusDays(5));
        WorkItem bobs = item("b", "bob", "100.00", TODAY.minusDays(5));
        WorkItem nobodys = item("n", null, "100.00", TODAY.minusDays(5));

        assertThat(Worklist.page(List.of(alices, bobs, nobodys), TODAY, "alice", null, 10).items())
                .containsExactly(alices);
        assertThat(Worklist.page(List.of(alices, bobs, nobodys), TODAY, null, null, 10).items()).hasSize(3);
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeatsEvenWhenPrioritiesTie() {
        List<WorkItem> items = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            items.add(item("tie-" + i, null, "100.00", TODAY.minusDays(10)));
        }
        items.add(item("top", null, "100.00", TODAY.minusDays(30)));

        List<WorkItem> read = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Worklist.Page page = Worklist.page(items, TODAY, null, after, 3);
            read.addAll(page.items());
            after = page.next();
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(3);
        assertThat(read).hasSize(8).doesNotHaveDuplicates().first().isEqualTo(items.get(7));
    }

    @Test
    void aCursorThatNoPageReturnedIsRefused() {
        assertThatThrownBy(() -> Worklist.page(List.of(), TODAY, null, "page-2", 10))
                .isInstanceOfSatisfying(DunningRuleViolation.class, e -> assertThat(e.field()).isEqualTo("after"));
    }

    @Test
    void aDisputeCountsOnlyOnceItHasBeenOpenForMoreThanTheLimit() {
        assertThat(Worklist.isDisputeOverdue(TODAY.minusDays(14), TODAY, 14)).isFalse();
        assertThat(Worklist.isDisputeOverdue(TODAY.minusDays(15), TODAY, 14)).isTrue();
        assertThat(Worklist.isDisputeOverdue(TODAY.minusDays(1), TODAY, 0)).isTrue();
        assertThatThrownBy(() -> Worklist.isDisputeOverdue(TODAY, TODAY, -1))
                .isInstanceOf(DunningRuleViolation.class);
    }

    static WorkItem item(String name, String assignee, String amount, LocalDate dueDate) {
        return new WorkItem(uuid(name), WorkItemKind.PHONE_TASK, "C-" + name, assignee, List.of(uuid("invoice-" + name)),
                List.of("F-" + name), dueDate.plusDays(30), dueDate, eur(amount));
    }
}
