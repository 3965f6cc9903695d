package io.relance.platform;

import io.relance.platform.replay.KpiSummary;
import io.relance.platform.replay.Ledger;
import io.relance.platform.replay.PlatformClient;
import io.relance.platform.replay.Replay;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./relance demo [ledger.csv]}: starts a fresh platform in replay mode in {@code <home>/demo}, replays the
 * ledger (the public IBM sample by default) with a progress bar, then prints the KPIs and where to look.
 */
final class DemoCommand {

    static final String DEFAULT_LEDGER = "deploy/datasets/ibm-accounts-receivable.csv";
    private static final int BAR = 30;

    private final PlatformLayout layout;
    private final PrintStream out = System.out;
    private final boolean terminal = System.console() != null;

    DemoCommand(PlatformLayout layout) {
        this.layout = layout;
    }

    /** The demo's own folder: a replay needs empty topics and databases, so it never touches the normal data. */
    static PlatformLayout demoLayout(PlatformLayout layout) {
        return new PlatformLayout(layout.projectRoot(), layout.home().resolve("demo"));
    }

    Platform start(Path ledgerFile, Ledger ledger) {
        PlatformLayout demo = demoLayout(layout);
        deleteRecursively(demo.home());
        out.println("Relance demo: replaying " + ledgerFile + " (" + ledger.invoices().size() + " invoices of "
                + ledger.customers().size() + " customers, " + ledger.firstDay() + " to " + ledger.lastDay() + ")");
        out.println("  data in " + demo.home() + " (wiped at each demo)");
        return Platform.startReplay(demo, PlatformPorts.fixed(), step -> out.println("  " + step), Replay.startOf(ledger));
    }

    /** Replays and prints the summary; the platform stays up for the caller. */
    void replay(Platform platform, Ledger ledger, long startedNanos) {
        Replay.Outcome outcome = new Replay(platform, ledger).run(this::progress);
        if (terminal) {
            out.println();
        }
        out.printf(Locale.ROOT, "%nReplayed %d days in %.1f s: %d invoices, %d disputes, %d payments%s.%n",
                ChronoUnit.DAYS.between(outcome.firstDay(), outcome.lastDay()) + 1,
                outcome.took().toMillis() / 1000.0, outcome.invoices(), outcome.disputes(), outcome.payments(),
                outcome.unmatchedPayments().isEmpty() ? "" : " (" + outcome.unmatchedPayments().size() + " left unmatched)");
        out.println("Reminders delivered per channel: " + outcome.deliveriesSent() + "; e-mails at the mail catcher: "
                + outcome.emails());
        long deadLetters = outcome.deadLetters().values().stream().mapToLong(Long::longValue).sum();
        out.println("Dead letters: " + (deadLetters == 0 ? "none" : outcome.deadLetters()));
        out.println();
        out.println("KPIs from kpi-service (EUR, rolling 365 days):");
        KpiSummary.read(new PlatformClient(platform), outcome.firstDay(), outcome.lastDay(), "EUR").print(out);
        out.println();
        String token = "$(./relance token manager)";
        out.println("Where to look (the business clock stays at " + outcome.lastDay() + "):");
        out.println("  KPIs        curl -s -H \"Authorization: Bearer " + token + "\" 'localhost:8084/kpis?asOf="
                + outcome.lastDay() + "&window=365'");
        out.println("  history     curl -s -H \"Authorization: Bearer " + token + "\" 'localhost:8084/kpis/history?from="
                + outcome.firstDay().withDayOfMonth(1).plusMonths(1).minusDays(1) + "&to=" + outcome.lastDay() + "&window=90'");
        out.println("  invoices    curl -s -H \"Authorization: Bearer $(./relance token collector)\" 'localhost:8081/invoices?limit=5'");
        out.println("  reminders   curl -s -H \"Authorization: Bearer $(./relance token collector)\" localhost:8082/customers/"
                + ledger.customers().get(0).id() + "/history");
        out.println("  metrics     curl -s localhost:8084/q/metrics | grep relance_kpi_");
        out.printf(Locale.ROOT, "The demo took %.1f s in all, start-up included.%n", (System.nanoTime() - startedNanos) / 1e9);
    }

    private void progress(Replay.Progress p) {
        boolean last = p.dayNumber() == p.days();
        if (!terminal && p.dayNumber() % 60 != 0 && !last) {
            return;
        }
        int filled = (int) (BAR * p.dayNumber() / p.days());
        String line = String.format(Locale.ROOT, "  [%s%s] %s day %d/%d · %d invoices · %d reminders · %d payments · %.0f s",
                "#".repeat(filled), ".".repeat(BAR - filled), p.day(), p.dayNumber(), p.days(), p.invoices(),
                p.reminders(), p.payments(), p.elapsed().toMillis() / 1000.0);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static void deleteRecursively(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot clear " + folder, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + folder, e);
        }
    }

}
