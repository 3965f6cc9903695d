package io.relance.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's figures: printed as a table and written as Markdown. */
final class Report {

    record Row(String section, String measurement, String value, String aim) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    Report() {
        this("Relance platform benchmark");
    }

    Report(String title) {
        this.title = title;
    }

    private final List<String> notes = new ArrayList<>();
    private final List<Appendix> appendices = new ArrayList<>();

    private record Appendix(String heading, String text) {
    }

    void add(String section, String measurement, String value, String aim) {
        rows.add(new Row(section, measurement, value, aim));
        System.out.printf(Locale.ROOT, "  %-12s %-58s %18s   %s%n", section, measurement, value, aim);
    }

    void note(String note) {
        notes.add(note);
        System.out.println("  note: " + note);
    }

    /** A figure block of another benchmark, kept verbatim under its own heading. */
    void appendix(String heading, String text) {
        appendices.add(new Appendix(heading, text));
        System.out.println("\n  " + heading + "\n" + text);
    }

    void print() {
        System.out.println();
        System.out.printf(Locale.ROOT, "%-12s %-58s %18s   %s%n", "section", "measurement", "value", "aim");
        rows.forEach(r -> System.out.printf(Locale.ROOT, "%-12s %-58s %18s   %s%n", r.section(), r.measurement(), r.value(), r.aim()));
    }

    void write(Path file, String machine) {
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n").append(machine).append("\n\n")
                .append("| section | measurement | value | aim |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(r.section()).append(" | ").append(r.measurement()).append(" | ")
                .append(r.value()).append(" | ").append(r.aim()).append(" |\n"));
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        appendices.forEach(a -> md.append("\n## ").append(a.heading()).append("\n\n```\n").append(a.text().strip()).append("\n```\n"));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
