package io.relance.delivery;

/** Maps a record key to one of the outbox lanes seeded by R__relance_delivery.sql. */
final class OutboxLanes {

    /** Must equal the number of rows seeded in outbox_lane. */
    static final int COUNT = 16;

    private OutboxLanes() {
    }

    static short of(String recordKey) {
        return (short) Math.floorMod(recordKey.hashCode(), COUNT);
    }
}
