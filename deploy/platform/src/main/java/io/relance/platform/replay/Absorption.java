package io.relance.platform.replay;

import io.relance.contracts.Topics;
import io.relance.platform.Platform;
import io.relance.platform.ServiceSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsResult;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells when the platform has absorbed what it was given: no outbox row waits in any service's database, no e-mail
 * or SMS is due at notification-service, and every consumer group has committed up to the end of every partition it
 * reads, twice in a row with the same end offsets (so nothing was published in between).
 *
 * <p>It reads the services' own tables ({@code outbox_event} of the delivery module, notification's
 * {@code delivery}) and Kafka's group offsets: it is the local platform's harness, which owns those databases.
 */
public final class Absorption implements AutoCloseable {

    private static final String OUTBOX = "SELECT count(*) FROM outbox_event";
    private static final String DELIVERIES_DUE = "SELECT count(*) FROM delivery WHERE status = 'SENDING' "
            + "OR (status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?)";
    private static final Duration POLL = Duration.ofMillis(5);
    private static final int REFRESH_GROUPS_EVERY = 200;
    /** RELANCE_REPLAY_TRACE=1 prints what each look of the replay is waiting for, to standard error. */
    private static final boolean TRACE = System.getenv("RELANCE_REPLAY_TRACE") != null;

    private final Admin admin;
    private final Platform platform;
    private final Map<String, Connection> databases = new HashMap<>();
    private Map<String, List<TopicPartition>> reads = Map.of();
    private long looks;

    /** What one look found. */
    private record Look(boolean quiet, Map<TopicPartition, Long> ends, String waitingFor) {
    }

    public Absorption(Platform platform) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers()));
        this.platform = platform;
        try {
            connect();
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot reach the platform's databases: " + e.getMessage(), e);
        }
    }

    private void connect() throws SQLException {
        closeConnections();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (spec.database().isPresent()) {
                databases.put(spec.name(), DriverManager.getConnection(
                        platform.postgres().jdbcUrl(spec.database().get()), platform.postgres().username(), ""));
            }
        }
    }

    /** Waits until the platform has absorbed everything, at business time {@code now}; fails after {@code timeout}. */
    public void await(Instant now, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Look previous = null;
        while (true) {
            Look look = look(now);
            if (look.quiet() && previous != null && previous.quiet() && previous.ends().equals(look.ends())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the platform has not absorbed the day within " + timeout.toSeconds()
                        + " s: still waiting for " + look.waitingFor());
            }
            previous = look;
            if (TRACE) {
                System.err.printf("[absorb %s] %s%n", java.time.LocalTime.now(), look.waitingFor());
            }
            if (!look.quiet()) {
                sleep();
            }
        }
    }

    private Look look(Instant now) {
        try {
            if (databases.isEmpty()) {
                connect();
            }
            for (Map.Entry<String, Connection> database : databases.entrySet()) {
                long rows = count(database.getValue(), OUTBOX, null);
                if (rows > 0) {
                    return new Look(false, Map.of(), rows + " outbox rows of " + database.getKey());
                }
            }
            long due = count(databases.get("notification-service"), DELIVERIES_DUE, now);
            if (due > 0) {
                return new Look(false, Map.of(), due + " deliveries due at notification-service");
            }
            return lags();
        } catch (SQLException e) {
            // PostgreSQL restarted (a fault injected on purpose): connect again at the next look
            closeConnections();
            return new Look(false, Map.of(), "the platform's databases (" + e.getMessage() + ")");
        }
    }

    private Look lags() {
        if (reads.isEmpty() || ++looks % REFRESH_GROUPS_EVERY == 0) {
            Look unassigned = learnGroups();
            if (unassigned != null) {
                return unassigned;
            }
        }
        Map<String, ListConsumerGroupOffsetsSpec> specs = new HashMap<>();
        reads.forEach((group, partitions) -> specs.put(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)));
        ListConsumerGroupOffsetsResult committed = admin.listConsumerGroupOffsets(specs);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        reads.values().forEach(partitions -> partitions.forEach(p -> latest.put(p, OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        for (String group : reads.keySet()) {
            Map<TopicPartition, OffsetAndMetadata> offsets = get(committed.partitionsToOffsetAndMetadata(group));
            for (TopicPartition partition : reads.get(group)) {
                OffsetAndMetadata at = offsets.get(partition);
                long behind = ends.get(partition) - (at == null ? 0 : at.offset());
                if (behind > 0) {
                    return new Look(false, ends, group + " on " + partition + " (" + behind + " records behind)");
                }
            }
        }
        return new Look(true, ends, "nothing");
    }

    /**
     * Learns which partitions each active consumer group reads (all partitions of the topics its members are
     * assigned). Describing groups is slow on a Kafka 4 broker (the admin client tries the new group protocol first),
     * so it is done once and refreshed now and then; returns a look that waits while a group is rebalancing.
     */
    private Look learnGroups() {
        List<String> groups = get(admin.listConsumerGroups().all()).stream().map(ConsumerGroupListing::groupId).toList();
        Map<String, Set<String>> topicsOf = new HashMap<>();
        for (ConsumerGroupDescription group : get(admin.describeConsumerGroups(groups).all()).values()) {
            if (group.groupState() == GroupState.EMPTY || group.groupState() == GroupState.DEAD) {
                continue;
            }
            Set<String> topics = new HashSet<>();
            group.members().forEach(member -> member.assignment().topicPartitions().forEach(p -> topics.add(p.topic())));
            if (group.groupState() != GroupState.STABLE || topics.isEmpty()) {
                reads = Map.of();
                return new Look(false, Map.of(), "consumer group " + group.groupId() + " to be assigned its partitions");
            }
            topicsOf.put(group.groupId(), topics);
        }
        Set<String> allTopics = new HashSet<>();
        topicsOf.values().forEach(allTopics::addAll);
        Map<String, TopicDescription> described = get(admin.describeTopics(allTopics).allTopicNames());
        Map<String, List<TopicPartition>> learned = new HashMap<>();
        topicsOf.forEach((group, topics) -> learned.put(group, topics.stream()
                .flatMap(topic -> described.get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())))
                .toList()));
        reads = learned;
        return null;
    }

    /** Records in the dead-letter topics, per topic; all zero when every consumer could process every record. */
    public Map<String, Long> deadLetters() {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<String, TopicDescription> topics = get(admin.describeTopics(Topics.DEAD_LETTERS).allTopicNames());
        topics.values().forEach(topic -> topic.partitions().forEach(p ->
                latest.put(new TopicPartition(topic.name(), p.partition()), OffsetSpec.latest())));
        Map<String, Long> counts = new HashMap<>();
        Topics.DEAD_LETTERS.forEach(topic -> counts.put(topic, 0L));
        get(admin.listOffsets(latest).all()).forEach((partition, info) ->
                counts.merge(partition.topic(), info.offset(), Long::sum));
        return counts;
    }

    /** How many deliveries notification-service has sent, per channel. */
    public Map<String, Long> sentDeliveries() {
        Map<String, Long> sent = new HashMap<>();
        try (PreparedStatement query = databases.get("notification-service").prepareStatement(
                "SELECT channel, count(*) FROM delivery WHERE status = 'SENT' GROUP BY channel");
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                sent.put(rows.getString(1), rows.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read notification-service's deliveries: " + e.getMessage(), e);
        }
        return sent;
    }

    private static long count(Connection connection, String sql, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            if (now != null) {
                query.setTimestamp(1, Timestamp.from(now));
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not answer: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
        closeConnections();
    }

    private void closeConnections() {
        databases.values().forEach(connection -> {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a local connection that failed changes nothing for the caller
            }
        });
        databases.clear();
    }
}
