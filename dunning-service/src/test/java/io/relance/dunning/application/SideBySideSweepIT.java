package io.relance.dunning.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.contracts.EventType;
import io.relance.contracts.Topics;
import io.relance.dunning.domain.DunningCase;
import io.relance.dunning.domain.Money;
import io.relance.dunning.persistence.DunningStore;
import io.relance.dunning.testing.KafkaProbe;
import io.relance.dunning.testing.KafkaProbe.Published;
import io.relance.dunning.testing.OnVertx;
import io.relance.dunning.testing.TestClock;
import io.relance.servers.RelanceServersTestResource;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sweepers on the same database claim disjoint customers: every due customer is reminded exactly once. A sweep
 * never waits for a customer whose fact is being applied (that wait was half of a deadlock).
 */
@QuarkusTest
@WithTestResource(RelanceServersTestResource.class)
class SideBySideSweepIT {

    private static final LocalDate DUE = LocalDate.of(2026, 3, 2);
    private static final LocalDate FIRST_REMINDER_DAY = LocalDate.of(2026, 3, 9);
    private static final int CUSTOMERS = 40;

    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;
    @Inject
    TestClock clock;
    @Inject
    ApplyFacts facts;
    @Inject
    SweepDueActions sweep;
    @Inject
    DunningStore store;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void twoSweepersSideBySideNeverRequestTheSameReminderTwice() throws Exception {
        clock.setToday(FIRST_REMINDER_DAY);
        String run = UUID.randomUUID().toString();
        List<String> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> "S-" + run + "-" + i).toList();
        for (String customer : customers) {
            OnVertx.inTransaction(vertx, session -> facts.invoiceIssued(session, customer, UUID.randomUUID(),
                    new DunningCase.InvoiceDetails("F-" + customer, DUE.minusDays(30), DUE, Money.of("100.00", "EUR"))));
        }

        CompletableFuture<SweepDueActions.Outcome> first = OnVertx.start(vertx, () -> sweep.sweep(FIRST_REMINDER_DAY));
        CompletableFuture<SweepDueActions.Outcome> second = OnVertx.start(vertx, () -> sweep.sweep(FIRST_REMINDER_DAY));
        CompletableFuture.allOf(first, second).get();

        Set<String> ours = Set.copyOf(customers);
        String requested = EventType.REMINDER_REQUESTED_V1.ceType();
        List<Published> reminders = new KafkaProbe(bootstrapServers, mapper).read(Topics.DUNNING_EVENTS, ours::contains,
                        records -> records.stream().filter(r -> requested.equals(r.ceType())).count() >= CUSTOMERS,
                        Duration.ofSeconds(60)).stream()
                .filter(r -> requested.equals(r.ceType())).toList();
        Map<String, Long> perCustomer = reminders.stream()
                .collect(Collectors.groupingBy(Published::key, Collectors.counting()));
        assertThat(perCustomer).hasSize(CUSTOMERS);
        assertThat(perCustomer.values()).allMatch(count -> count == 1);
        long stored = customers.stream()
                .mapToLong(c -> OnVertx.inTransaction(vertx, session -> store.remindersOf(session, c)).size())
                .sum();
        assertThat(stored).isEqualTo(CUSTOMERS);
        assertThat(first.get().customers() + second.get().customers()).isGreaterThanOrEqualTo(CUSTOMERS);
    }

    @Test
    void aSweepLeavesACustomerWhoseFactIsBeingAppliedForTheNextSweepInsteadOfWaitingForIt() throws Exception {
        clock.setToday(FIRST_REMINDER_DAY);
        String busy = "B-" + UUID.randomUUID();
        String free = "F-" + UUID.randomUUID();
        for (String customer : List.of(busy, free)) {
            OnVertx.inTransaction(vertx, session -> facts.invoiceIssued(session, customer, UUID.randomUUID(),
                    new DunningCase.InvoiceDetails("F-" + customer, DUE.minusDays(30), DUE, Money.of("100.00", "EUR"))));
        }
        // A fact's transaction as the consumer runs it: the debtor's lock first, the schedule's row at the end.
        CompletableFuture<Void> locked = new CompletableFuture<>();
        CompletableFuture<Void> swept = new CompletableFuture<>();
        CompletableFuture<Void> fact = OnVertx.start(vertx, () -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> store.lockDebtor(session, busy)
                        .invoke(() -> locked.complete(null))
                        .chain(() -> {
                            // The test thread completes `swept`: continue on this session's own Vert.x context.
                            io.vertx.core.Context own = Vertx.currentContext();
                            return Uni.createFrom().completionStage(swept)
                                    .emitOn(task -> own.runOnContext(ignored -> task.run()));
                        })
                        .chain(() -> store.schedule(session, busy, Optional.of(FIRST_REMINDER_DAY))))));
        locked.get(30, TimeUnit.SECONDS);

        // Before, the sweep claimed the busy customer's schedule row, then waited for its debtor: PostgreSQL 40P01.
        OnVertx.start(vertx, () -> sweep.sweep(FIRST_REMINDER_DAY)).get(30, TimeUnit.SECONDS);
        swept.complete(null);
        fact.get(30, TimeUnit.SECONDS);

        assertThat(remindersOf(free)).isEqualTo(1);
        assertThat(remindersOf(busy)).as("left for the next sweep").isZero();
        OnVertx.await(vertx, () -> sweep.sweep(FIRST_REMINDER_DAY));
        assertThat(remindersOf(busy)).isEqualTo(1);
    }

    private int remindersOf(String customer) {
        return OnVertx.inTransaction(vertx, session -> store.remindersOf(session, customer)).size();
    }
}
