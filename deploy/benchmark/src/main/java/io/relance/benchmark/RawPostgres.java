package io.relance.benchmark;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The database's best for the platform's write pattern: one invoice row and one outbox row per transaction (as a
 * single POST /invoices commits), and the same rows a thousand to a transaction (as a batch intake could).
 */
final class RawPostgres {

    private static final String INVOICE = "INSERT INTO bench_invoice (id, customer_id, invoice_number, issue_date, due_date, amount, currency, open_amount, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 'EUR', ?, 'OPEN', now())";
    private static final String OUTBOX = "INSERT INTO bench_outbox (event_id, lane, topic, record_key, ce_type, ce_source, occurred_at, payload) VALUES (?, ?, 'invoice-events', ?, 'relance.invoice.issued.v1', '/relance/invoice-service', now(), ?)";

    private RawPostgres() {
    }

    static void createTables(String jdbcUrl, String user) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "bench"); Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS bench_invoice (id UUID PRIMARY KEY, customer_id TEXT NOT NULL, invoice_number TEXT NOT NULL UNIQUE,
                      issue_date DATE NOT NULL, due_date DATE NOT NULL, amount NUMERIC(19,4) NOT NULL, currency CHAR(3) NOT NULL,
                      open_amount NUMERIC(19,4) NOT NULL, status TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL)""");
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS bench_outbox (id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, event_id UUID NOT NULL UNIQUE,
                      lane SMALLINT NOT NULL, topic TEXT NOT NULL, record_key TEXT NOT NULL, ce_type TEXT NOT NULL, ce_source TEXT NOT NULL,
                      occurred_at TIMESTAMPTZ NOT NULL, payload TEXT, created_at TIMESTAMPTZ NOT NULL DEFAULT now())""");
        }
    }

    /** Invoices per second with {@code perTransaction} invoice+outbox pairs per commit on {@code connections} connections. */
    static double insertThroughput(String jdbcUrl, String user, String payload, int invoices, int perTransaction,
                                   int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            int perConnection = invoices / connections;
            long start = System.nanoTime();
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                work.add(pool.submit(() -> {
                    insert(jdbcUrl, user, payload, perConnection, perTransaction);
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
            return perConnection * connections / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void insert(String jdbcUrl, String user, String payload, int invoices, int perTransaction) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "bench");
             PreparedStatement invoice = connection.prepareStatement(INVOICE);
             PreparedStatement outbox = connection.prepareStatement(OUTBOX)) {
            connection.setAutoCommit(false);
            LocalDate issued = LocalDate.of(2026, 3, 2);
            for (int i = 0; i < invoices; i++) {
                String customer = "C-" + (i % 10_000);
                invoice.setObject(1, UUID.randomUUID());
                invoice.setString(2, customer);
                invoice.setString(3, "F-" + UUID.randomUUID());
                invoice.setDate(4, Date.valueOf(issued));
                invoice.setDate(5, Date.valueOf(issued.plusDays(30)));
                invoice.setBigDecimal(6, new BigDecimal("1200.00"));
                invoice.setBigDecimal(7, new BigDecimal("1200.00"));
                outbox.setObject(1, UUID.randomUUID());
                outbox.setShort(2, (short) Math.floorMod(customer.hashCode(), 16));
                outbox.setString(3, customer);
                outbox.setString(4, payload);
                if (perTransaction == 1) {
                    invoice.executeUpdate();
                    outbox.executeUpdate();
                    connection.commit();
                } else {
                    invoice.addBatch();
                    outbox.addBatch();
                    if ((i + 1) % perTransaction == 0 || i == invoices - 1) {
                        invoice.executeBatch();
                        outbox.executeBatch();
                        connection.commit();
                    }
                }
            }
        }
    }
}
