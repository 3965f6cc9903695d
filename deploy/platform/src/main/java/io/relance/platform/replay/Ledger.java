package io.relance.platform.replay;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A ledger to replay: invoices with their settlement, read from a CSV file in one of two formats, told apart by
 * their header (see deploy/platform/README.md, "Replaying a ledger"):
 * <ul>
 *   <li>the public IBM accounts-receivable sample ({@code countryCode,customerID,…,InvoiceDate,DueDate,
 *       InvoiceAmount,Disputed,SettledDate,…}: US dates m/d/yyyy, amounts taken as EUR);</li>
 *   <li>the generic format: {@code customer_id,invoice_number,issue_date,due_date,amount,currency,settled_date,
 *       disputed} with ISO dates, plus optional {@code customer_name,email,phone,language} columns.</li>
 * </ul>
 * A debtor's e-mail, when the ledger has none, is made up at {@code ledger.example} (reserved, RFC 2606); no phone
 * number is made up (no reserved range passes a numbering-plan check), so SMS steps fail for want of a number.
 */
public record Ledger(String name, List<LedgerInvoice> invoices) {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT);
    private static final List<String> GENERIC_REQUIRED = List.of("customer_id", "invoice_number", "issue_date",
            "due_date", "amount", "currency", "settled_date", "disputed");
    private static final List<String> IBM_REQUIRED = List.of("customerID", "invoiceNumber", "InvoiceDate", "DueDate",
            "InvoiceAmount", "Disputed", "SettledDate");

    public Ledger {
        invoices = invoices.stream()
                .sorted(Comparator.comparing(LedgerInvoice::issueDate).thenComparing(LedgerInvoice::invoiceNumber))
                .toList();
        Set<String> numbers = new HashSet<>();
        for (LedgerInvoice invoice : invoices) {
            if (!numbers.add(invoice.invoiceNumber())) {
                throw new IllegalArgumentException("invoice number " + invoice.invoiceNumber() + " appears twice in " + name);
            }
        }
        if (invoices.isEmpty()) {
            throw new IllegalArgumentException(name + " holds no invoice");
        }
    }

    public static Ledger read(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setIgnoreSurroundingSpaces(true).get().parse(reader)) {
            List<String> header = parser.getHeaderNames();
            if (header.containsAll(IBM_REQUIRED)) {
                return new Ledger(csv.getFileName().toString(), readIbm(parser));
            }
            if (header.containsAll(GENERIC_REQUIRED)) {
                return new Ledger(csv.getFileName().toString(), readGeneric(parser));
            }
            throw new IllegalArgumentException(csv + ": the header is neither the generic ledger format (needs "
                    + String.join(",", GENERIC_REQUIRED) + ") nor the IBM accounts-receivable sample's");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + csv, e);
        }
    }

    /** The first business day of the replay: the first issue date. */
    public LocalDate firstDay() {
        return invoices.get(0).issueDate();
    }

    /** The last day anything happens: the latest issue, due or settlement date. */
    public LocalDate lastDay() {
        LocalDate last = firstDay();
        for (LedgerInvoice invoice : invoices) {
            LocalDate end = invoice.settledOn() != null ? invoice.settledOn() : invoice.dueDate();
            if (end.isAfter(last)) {
                last = end;
            }
        }
        return last;
    }

    public List<LedgerCustomer> customers() {
        Map<String, LedgerCustomer> customers = new LinkedHashMap<>();
        invoices.forEach(invoice -> customers.putIfAbsent(invoice.customer().id(), invoice.customer()));
        return List.copyOf(customers.values());
    }

    private static List<LedgerInvoice> readIbm(CSVParser parser) {
        Map<String, LedgerCustomer> customers = new LinkedHashMap<>();
        List<LedgerInvoice> invoices = new ArrayList<>();
        for (CSVRecord row : parser) {
            String customerId = text(row, "customerID");
            LedgerCustomer customer = customers.computeIfAbsent(customerId,
                    id -> madeUp(id, "Customer " + id, null, null, "en"));
            invoices.add(new LedgerInvoice(customer, text(row, "invoiceNumber"),
                    date(row, "InvoiceDate", value -> LocalDate.parse(value, US_DATE)),
                    date(row, "DueDate", value -> LocalDate.parse(value, US_DATE)),
                    amount(row, "InvoiceAmount", 2), "EUR",
                    optionalDate(row, "SettledDate", value -> LocalDate.parse(value, US_DATE)),
                    yesNo(row, "Disputed")));
        }
        return invoices;
    }

    private static List<LedgerInvoice> readGeneric(CSVParser parser) {
        Map<String, LedgerCustomer> customers = new LinkedHashMap<>();
        List<LedgerInvoice> invoices = new ArrayList<>();
        for (CSVRecord row : parser) {
            String customerId = text(row, "customer_id");
            LedgerCustomer customer = customers.computeIfAbsent(customerId, id -> madeUp(id,
                    optional(row, "customer_name"), optional(row, "email"), optional(row, "phone"),
                    optional(row, "language")));
            String currency = text(row, "currency").toUpperCase(Locale.ROOT);
            int decimals;
            try {
                decimals = Currency.getInstance(currency).getDefaultFractionDigits();
            } catch (IllegalArgumentException e) {
                throw problem(row, "currency", "is not an ISO 4217 code: " + currency);
            }
            invoices.add(new LedgerInvoice(customer, text(row, "invoice_number"),
                    date(row, "issue_date", LocalDate::parse), date(row, "due_date", LocalDate::parse),
                    amount(row, "amount", decimals), currency,
                    optionalDate(row, "settled_date", LocalDate::parse), yesNo(row, "disputed")));
        }
        return invoices;
    }

    private static LedgerCustomer madeUp(String id, String name, String email, String phone, String language) {
        String local = id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return new LedgerCustomer(id,
                name != null ? name : "Customer " + id,
                email != null ? email : "accounts." + local + "@ledger.example",
                phone,
                language != null ? language.toLowerCase(Locale.ROOT) : "fr");
    }

    private static String text(CSVRecord row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw problem(row, column, "is empty");
        }
        return value.trim();
    }

    private static String optional(CSVRecord row, String column) {
        if (!row.isMapped(column)) {
            return null;
        }
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static LocalDate date(CSVRecord row, String column, Function<String, LocalDate> parse) {
        try {
            return parse.apply(text(row, column));
        } catch (DateTimeParseException e) {
            throw problem(row, column, "is not a date: " + row.get(column));
        }
    }

    private static LocalDate optionalDate(CSVRecord row, String column, Function<String, LocalDate> parse) {
        String value = optional(row, column);
        return value == null ? null : date(row, column, parse);
    }

    private static BigDecimal amount(CSVRecord row, String column, int decimals) {
        try {
            BigDecimal amount = new BigDecimal(text(row, column));
            if (amount.signum() <= 0) {
                throw problem(row, column, "must be above 0: " + row.get(column));
            }
            return amount.setScale(decimals, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            throw problem(row, column, "is not a decimal amount: " + row.get(column));
        } catch (ArithmeticException e) {
            throw problem(row, column, "has more than " + decimals + " decimals: " + row.get(column));
        }
    }

    private static boolean yesNo(CSVRecord row, String column) {
        String value = text(row, column).toLowerCase(Locale.ROOT);
        return switch (value) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0" -> false;
            default -> throw problem(row, column, "must be yes or no: " + value);
        };
    }

    private static IllegalArgumentException problem(CSVRecord row, String column, String rule) {
        return new IllegalArgumentException("line " + (row.getRecordNumber() + 1) + ", column " + column + " " + rule);
    }
}
