package io.relance.kpi.messaging;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.WrappedStateStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A key-value store whose processor reads and writes its values as objects ({@link #find}, {@link #save},
 * {@link #remove}): a value read or written by many events between two commits is deserialized and serialized once,
 * not on every event as with the record cache alone (it holds bytes).
 *
 * <p>Kafka Streams flushes the store caches of a task before it commits (and before a checkpoint), through the
 * {@code CachedStateStore} hook every {@link WrappedStateStore} has: this store then writes its changed objects to
 * the store underneath (record cache, RocksDB, changelog), so they go into the same exactly-once transaction as the
 * offsets of the events that changed them. When a task is recycled between active and standby, its store can be
 * written around this layer (restoration), and the hook clears it. Interactive queries, and every
 * {@link KeyValueStore} method, read the store underneath: the values as of the last commit; the objects are touched
 * by the stream thread alone.
 */
final class ObjectCachingStore<V> extends WrappedStateStore<KeyValueStore<String, V>, String, V>
        implements KeyValueStore<String, V> {

    /** A value as this layer knows it (null: no value); changed until written to the store underneath. */
    private record Known<V>(V value, boolean changed) {
    }

    /** In access order; beyond the bound, the least recently used goes, written underneath first if changed. */
    private final Map<String, Known<V>> objects;

    private ObjectCachingStore(KeyValueStore<String, V> inner, int maxObjects) {
        super(inner);
        this.objects = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Known<V>> eldest) {
                if (size() <= maxObjects) {
                    return false;
                }
                write(eldest.getKey(), eldest.getValue());
                return true;
            }
        };
    }

    /** A builder of {@code inner}'s store with this layer on top, keeping at most {@code maxObjects} per task. */
    static <V> StoreBuilder<KeyValueStore<String, V>> on(StoreBuilder<KeyValueStore<String, V>> inner, int maxObjects) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<KeyValueStore<String, V>> withCachingEnabled() {
                inner.withCachingEnabled();
                return this;
            }

            @Override
            public StoreBuilder<KeyValueStore<String, V>> withCachingDisabled() {
                inner.withCachingDisabled();
                return this;
            }

            @Override
            public StoreBuilder<KeyValueStore<String, V>> withLoggingEnabled(Map<String, String> config) {
                inner.withLoggingEnabled(config);
                return this;
            }

            @Override
            public StoreBuilder<KeyValueStore<String, V>> withLoggingDisabled() {
                inner.withLoggingDisabled();
                return this;
            }

            @Override
            public KeyValueStore<String, V> build() {
                return new ObjectCachingStore<>(inner.build(), maxObjects);
            }

            @Override
            public Map<String, String> logConfig() {
                return inner.logConfig();
            }

            @Override
            public boolean loggingEnabled() {
                return inner.loggingEnabled();
            }

            @Override
            public String name() {
                return inner.name();
            }
        };
    }

    /** This layer under the store a processor is given (Kafka Streams wraps it in a read-write decorator). */
    @SuppressWarnings("unchecked")
    static <V> ObjectCachingStore<V> of(StateStore store) {
        StateStore layer = store;
        while (!(layer instanceof ObjectCachingStore)) {
            if (!(layer instanceof WrappedStateStore<?, ?, ?> wrapper)) {
                throw new IllegalStateException("store " + store.name() + " has no object cache");
            }
            layer = wrapper.wrapped();
        }
        return (ObjectCachingStore<V>) layer;
    }

    /** The value of {@code key} as the processor left it; the object itself, to be changed and saved back. */
    V find(String key) {
        Known<V> known = objects.get(key);
        if (known == null) {
            known = new Known<>(wrapped().get(key), false);
            objects.put(key, known);
        }
        return known.value();
    }

    /** {@code value} becomes the value of {@code key}; it must not be shared with another key. */
    void save(String key, V value) {
        objects.put(key, new Known<>(value, true));
    }

    void remove(String key) {
        objects.put(key, new Known<>(null, true));
    }

    private void write(String key, Known<V> known) {
        if (!known.changed()) {
            return;
        }
        if (known.value() == null) {
            wrapped().delete(key);
        } else {
            wrapped().put(key, known.value());
        }
    }

    /** Writes every changed object to the store underneath, and keeps it as unchanged. */
    private void writeChanged() {
        for (Map.Entry<String, Known<V>> entry : objects.entrySet()) {
            Known<V> known = entry.getValue();
            if (known.changed()) {
                write(entry.getKey(), known);
                entry.setValue(new Known<>(known.value(), false));
            }
        }
    }

    @Override
    public void flushCache() {
        writeChanged();
        super.flushCache();
    }

    @Override
    public void flush() {
        writeChanged();
        super.flush();
    }

    @Override
    public void clearCache() {
        objects.clear();
        super.clearCache();
    }

    @Override
    public void close() {
        // As the record cache does on close: what was changed goes underneath (wiped with it on an unclean close).
        try {
            writeChanged();
        } finally {
            objects.clear();
            super.close();
        }
    }

    @Override
    public V get(String key) {
        return wrapped().get(key);
    }

    @Override
    public void put(String key, V value) {
        objects.remove(key);
        wrapped().put(key, value);
    }

    @Override
    public V putIfAbsent(String key, V value) {
        objects.remove(key);
        return wrapped().putIfAbsent(key, value);
    }

    @Override
    public void putAll(List<KeyValue<String, V>> entries) {
        entries.forEach(entry -> objects.remove(entry.key));
        wrapped().putAll(entries);
    }

    @Override
    public V delete(String key) {
        objects.remove(key);
        return wrapped().delete(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return wrapped().range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        return wrapped().reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return wrapped().all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return wrapped().reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        return wrapped().prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return wrapped().approximateNumEntries();
    }
}
