package io.relance.http;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many requests, and how many bytes of their bodies, a service holds at once. A request either fits both bounds
 * and is taken (and must be released once answered), or is refused without changing anything.
 */
public final class InFlightBudget {

    /** Why a request was refused, or that it was taken. */
    public enum Admission {
        TAKEN, TOO_MANY_REQUESTS, TOO_MANY_BYTES
    }

    private final int maxRequests;
    private final long maxBytes;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    public InFlightBudget(int maxRequests, long maxBytes) {
        if (maxRequests < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("the bounds must be positive: " + maxRequests + " requests, " + maxBytes + " bytes");
        }
        this.maxRequests = maxRequests;
        this.maxBytes = maxBytes;
    }

    /** Takes one request of {@code bodyBytes} if both bounds allow it; a body alone larger than the byte bound is taken when nothing else is held. */
    public Admission take(long bodyBytes) {
        if (requests.incrementAndGet() > maxRequests) {
            requests.decrementAndGet();
            return Admission.TOO_MANY_REQUESTS;
        }
        long held = bytes.addAndGet(bodyBytes);
        if (held > maxBytes && held != bodyBytes) {
            bytes.addAndGet(-bodyBytes);
            requests.decrementAndGet();
            return Admission.TOO_MANY_BYTES;
        }
        return Admission.TAKEN;
    }

    /** Gives back what {@link #take} took for a request of {@code bodyBytes}. */
    public void release(long bodyBytes) {
        bytes.addAndGet(-bodyBytes);
        requests.decrementAndGet();
    }

    public int requests() {
        return requests.get();
    }

    public long bytes() {
        return bytes.get();
    }
}
