package io.relance.delivery;

import java.net.ConnectException;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/** Tells an outage (retry until it ends) from a failure that retrying will not mend. */
final class Failures {

    /** SQLSTATE classes and codes that a retry can mend: connection, shutdown, resources, serialization, deadlock. */
    private static final Set<String> TRANSIENT_SQL_STATE_PREFIXES = Set.of("08", "53", "57P", "40001", "40P01");

    private Failures() {
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof ConnectException || t instanceof TimeoutException
                    || t instanceof io.vertx.sqlclient.ClosedConnectionException
                    || t instanceof org.apache.kafka.common.errors.RetriableException) {
                return true;
            }
            if (t instanceof io.vertx.pgclient.PgException pg && pg.getSqlState() != null
                    && TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(pg.getSqlState()::startsWith)) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && (message.contains("Connection refused") || message.contains("Timeout")
                    || message.contains("Connection reset") || message.contains("closed"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isPoison(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return true;
            }
        }
        return false;
    }

    static DeadLetters.ReasonClass reasonClass(Throwable failure) {
        return isPoison(failure) ? DeadLetters.ReasonClass.REJECTED : DeadLetters.ReasonClass.FAILED;
    }

    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonEventException) {
                return t.getMessage();
            }
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
