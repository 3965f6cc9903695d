package io.relance.invoice.application;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.relance.delivery.Outbox;
import io.relance.invoice.domain.Invoice;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues single invoices submitted at the same time in shared transactions: a commit, and its WAL flush, per group
 * instead of per invoice, which is what a single {@code POST /invoices} costs. Nothing waits to form a group: the
 * first submission runs at once, and those that arrive while the transactions in progress are busy go together in
 * the next one ({@link IssueInvoice#issueAll}). Each caller still gets its own outcome or rule violation, and its
 * InvoiceIssued stays in its own trace. If a group's transaction fails (an outage, or a key taken meanwhile by
 * another transaction), nothing of it is stored and each of its submissions is issued on its own, as before.
 */
@ApplicationScoped
public class GroupCommit {

    private record Waiting(Invoice.Submission submission, String traceparent, Context context,
                           UniEmitter<? super IssueInvoice.Outcome> emitter) {
    }

    public static final String GROUP_SIZE_METRIC = "relance.intake.group.size";

    private final IssueInvoice issueInvoice;
    private final BatchRollbacks rollbacks;
    private final DistributionSummary groupSizes;
    private final int maxGroup;
    private final int maxTransactions;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int running;

    GroupCommit(IssueInvoice issueInvoice, BatchRollbacks rollbacks, MeterRegistry registry,
                @ConfigProperty(name = "relance.invoice.group-commit.max-size", defaultValue = "100") int maxGroup,
                @ConfigProperty(name = "relance.invoice.group-commit.transactions", defaultValue = "2") int maxTransactions) {
        if (maxGroup < 1 || maxTransactions < 1) {
            throw new IllegalArgumentException("relance.invoice.group-commit.max-size and .transactions must be at least 1");
        }
        this.issueInvoice = issueInvoice;
        this.rollbacks = rollbacks;
        this.groupSizes = DistributionSummary.builder(GROUP_SIZE_METRIC)
                .description("Single invoices (POST /invoices) committed in one transaction").register(registry);
        this.maxGroup = maxGroup;
        this.maxTransactions = maxTransactions;
    }

    /** Issues the invoice, in a transaction it may share with others submitted at the same time. */
    public Uni<IssueInvoice.Outcome> issue(Invoice.Submission submission) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            if (context == null) {
                // Not on a request's event loop (nothing to resume on): issued on its own.
                issueInvoice.issue(submission).subscribe().with(emitter::complete, emitter::fail);
                return;
            }
            List<Waiting> group;
            synchronized (waiting) {
                waiting.add(new Waiting(submission, Outbox.currentTraceparent(), context, emitter));
                if (running >= maxTransactions) {
                    return;
                }
                running++;
                group = nextGroup();
            }
            run(group);
        });
    }

    /** Runs on the context of the group's first submission, whose request is waiting for it. */
    private void run(List<Waiting> group) {
        groupSizes.record(group.size());
        List<IssueInvoice.BatchItem> items = new ArrayList<>(group.size());
        for (Waiting w : group) {
            items.add(new IssueInvoice.BatchItem(w.submission(), null, null, w.traceparent()));
        }
        Uni.createFrom().deferred(() -> issueInvoice.issueAll(items)).subscribe().with(outcomes -> {
            for (int i = 0; i < group.size(); i++) {
                Waiting w = group.get(i);
                IssueInvoice.BatchOutcome outcome = outcomes.get(i);
                w.context().runOnContext(ignored -> {
                    if (outcome.rejection() != null) {
                        w.emitter().fail(outcome.rejection());
                    } else {
                        w.emitter().complete(outcome.outcome());
                    }
                });
            }
            next();
        }, failure -> {
            if (group.size() == 1) {
                Waiting alone = group.get(0);
                alone.context().runOnContext(ignored -> alone.emitter().fail(failure));
                next();
                return;
            }
            rollbacks.grouped();
            for (Waiting w : group) {
                w.context().runOnContext(ignored ->
                        issueInvoice.issue(w.submission()).subscribe().with(w.emitter()::complete, w.emitter()::fail));
            }
            next();
        });
    }

    private void next() {
        List<Waiting> group;
        synchronized (waiting) {
            if (waiting.isEmpty()) {
                running--;
                return;
            }
            group = nextGroup();
        }
        group.get(0).context().runOnContext(ignored -> run(group));
    }

    private List<Waiting> nextGroup() {
        List<Waiting> group = new ArrayList<>(Math.min(maxGroup, waiting.size()));
        while (!waiting.isEmpty() && group.size() < maxGroup) {
            group.add(waiting.poll());
        }
        return group;
    }
}
