package io.relance.payment.benchmark;

import io.relance.payment.domain.IncomingPayment;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItem;
import org.iban4j.CountryCode;
import org.iban4j.Iban;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A seeded world of customers, open invoices and one statement of credit entries with the noise real remittances
 * carry, each entry knowing its truth: the customer and allocations it should get, or none when it must be queued.
 */
final class RemittanceWorld {

    /** What kind of bank line an entry is; the share of each is in {@link #MIX}. */
    enum Kind {
        REFERENCE, STRUCTURED_REFERENCE, REFERENCE_TYPO, PURCHASE_ORDER_NOISE, EXACT_AMOUNT_BY_IBAN,
        GROUPED_WITH_REFERENCES, GROUPED_BY_IBAN, PARTIAL_WITH_REFERENCE, OVERPAYMENT_WITH_REFERENCE,
        PARTIAL_OLDEST_FIRST, NAME_VARIANT, WRONG_CURRENCY, UNKNOWN_PAYER
    }

    /** Per mille of the statement: references dominate, as in French B2B transfers. */
    static final Map<Kind, Integer> MIX = new LinkedHashMap<>();

    static {
        MIX.put(Kind.REFERENCE, 480);
        MIX.put(Kind.STRUCTURED_REFERENCE, 50);
        MIX.put(Kind.REFERENCE_TYPO, 60);
        MIX.put(Kind.PURCHASE_ORDER_NOISE, 40);
        MIX.put(Kind.EXACT_AMOUNT_BY_IBAN, 100);
        MIX.put(Kind.GROUPED_WITH_REFERENCES, 40);
        MIX.put(Kind.GROUPED_BY_IBAN, 30);
        MIX.put(Kind.PARTIAL_WITH_REFERENCE, 50);
        MIX.put(Kind.OVERPAYMENT_WITH_REFERENCE, 20);
        MIX.put(Kind.PARTIAL_OLDEST_FIRST, 30);
        MIX.put(Kind.NAME_VARIANT, 50);
        MIX.put(Kind.WRONG_CURRENCY, 20);
        MIX.put(Kind.UNKNOWN_PAYER, 30);
    }

    /**
     * One bank line and its truth.
     *
     * @param customerId the customer it should be applied to; null when it must be queued
     * @param allocations what each invoice should receive; empty when it must be queued
     */
    record Entry(Kind kind, IncomingPayment payment, String customerId, Map<UUID, BigDecimal> allocations) {
    }

    private record Customer(String id, String legalName, String bankIban, boolean ibanKnown) {
    }

    private static final List<String> TRADES = List.of("Boulangerie", "Transports", "Garage", "Cabinet", "Atelier",
            "Pharmacie", "Menuiserie", "Imprimerie", "Hôtel", "Café", "Plomberie", "Électricité", "Maçonnerie",
            "Librairie", "Fromagerie", "Boucherie", "Pâtisserie", "Fleurs", "Optique", "Informatique", "Conseil",
            "Bâtiment", "Couverture", "Peinture", "Charpente", "Paysages", "Nettoyage", "Sécurité", "Logistique",
            "Distribution", "Textiles", "Mécanique", "Métallerie", "Verrerie", "Carrosserie", "Ambulances", "Taxis",
            "Traiteur", "Brasserie", "Laboratoire", "Studio", "Agence", "Domaine", "Caves", "Jardinerie", "Quincaillerie",
            "Serrurerie", "Vitrerie", "Chauffage", "Climatisation");
    private static final List<String> NAMES = List.of("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
            "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèbvre", "Michel", "Garcia", "David",
            "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard", "André", "Mercier", "Dupont", "Lambert",
            "Bonnet", "François", "Martinez", "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller",
            "Henry", "Roussel", "Nicolas", "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez",
            "Fontaine", "Chevalier", "Robin", "Masson", "Sanchez", "Gérard", "Nguyen", "Boyer", "Denis", "Lemaire",
            "Duval", "Joly", "Gautier", "Roger");
    private static final List<String> PLACES = List.of("Lyon", "Nantes", "Lille", "Rennes", "Bordeaux", "Toulouse",
            "Marseille", "Nice", "Grenoble", "Dijon", "Angers", "Brest", "Tours", "Reims", "Metz", "Nancy", "Caen",
            "Rouen", "Limoges", "Amiens", "Pau", "Bayonne", "Annecy", "Chambéry", "Valence", "Nîmes", "Avignon",
            "Perpignan", "Poitiers", "Orléans", "Le Mans", "Besançon", "Mulhouse", "Colmar", "Troyes", "Vannes",
            "Lorient", "Quimper", "Niort", "& Fils", "Frères", "Associés");
    private static final List<String> FORMS = List.of("SAS", "SARL", "SA", "EURL", "", "S.A.S.", "SASU");
    private static final List<BigDecimal> ROUND = amounts("100", "150", "200", "250", "300", "500", "750", "1000",
            "1200", "1500", "2000", "2500", "3000");
    private static final List<BigDecimal> SUBSCRIPTIONS = amounts("49.90", "99.00", "149.00", "199.00", "299.00");

    final BenchmarkLedger ledger = new BenchmarkLedger();
    final List<Entry> entries = new ArrayList<>();
    final int invoiceCount;

    private final Random random;
    private final LocalDate valueDate = LocalDate.parse("2026-05-04");
    private final List<Customer> customers = new ArrayList<>();
    private final Map<String, Customer> customerById = new LinkedHashMap<>();
    private final Map<String, List<OpenItem>> invoicesOf = new LinkedHashMap<>();
    private final List<OpenItem> euroPool = new ArrayList<>();
    private final List<OpenItem> dollarPool = new ArrayList<>();
    private final Set<UUID> used = new HashSet<>();
    private final Set<String> reserved = new HashSet<>();

    RemittanceWorld(long seed, int customerCount, int invoiceCount, int entryCount) {
        this.random = new Random(seed);
        this.invoiceCount = invoiceCount;
        createCustomers(customerCount);
        createInvoices(invoiceCount);
        createEntries(entryCount);
        Collections.shuffle(entries, random);
    }

    private static List<BigDecimal> amounts(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }

    private void createCustomers(int count) {
        for (int i = 1; i <= count; i++) {
            String form = pick(FORMS);
            String name = pick(TRADES) + " " + pick(NAMES) + " " + pick(PLACES) + (form.isEmpty() ? "" : " " + form);
            Customer customer = new Customer("C-%05d".formatted(i), name, Iban.random(CountryCode.FR).toString(),
                    random.nextInt(100) < 70);
            customers.add(customer);
            customerById.put(customer.id(), customer);
            ledger.knowName(name, customer.id());
            if (customer.ibanKnown()) {
                ledger.knowIban(customer.bankIban(), customer.id());
            }
        }
    }

    private void createInvoices(int count) {
        for (int n = 1; n <= count; n++) {
            // A skewed spread: a few customers with many invoices, most with a handful.
            Customer customer = customers.get((int) (customers.size() * Math.pow(random.nextDouble(), 1.5)));
            int draw = random.nextInt(100);
            String currency = draw < 96 ? "EUR" : draw < 99 ? "USD" : "GBP";
            int kind = random.nextInt(100);
            BigDecimal amount = kind < 70 ? BigDecimal.valueOf(5_000 + random.nextInt(495_000), 2)
                    : kind < 90 ? pick(ROUND) : pick(SUBSCRIPTIONS);
            OpenItem item = new OpenItem(UUID.randomUUID(), customer.id(), "F-2026-%06d".formatted(n),
                    LocalDate.parse("2026-01-01").plusDays(random.nextInt(150)), new Money(amount, Money.currency(currency)));
            ledger.add(item);
            invoicesOf.computeIfAbsent(customer.id(), k -> new ArrayList<>()).add(item);
            if (currency.equals("EUR")) {
                euroPool.add(item);
            } else if (currency.equals("USD")) {
                dollarPool.add(item);
            }
        }
        Collections.shuffle(euroPool, random);
        Collections.shuffle(dollarPool, random);
    }

    private void createEntries(int count) {
        createOldestFirstCustomers(count * MIX.get(Kind.PARTIAL_OLDEST_FIRST) / 1000);
        for (Map.Entry<Kind, Integer> share : MIX.entrySet()) {
            if (share.getKey() == Kind.PARTIAL_OLDEST_FIRST) {
                continue;
            }
            int wanted = count * share.getValue() / 1000;
            for (int i = 0; i < wanted; i++) {
                entries.add(entry(share.getKey()));
            }
        }
        while (entries.size() < count) {
            entries.add(entry(Kind.REFERENCE));
        }
    }

    private Entry entry(Kind kind) {
        return switch (kind) {
            case REFERENCE -> {
                OpenItem invoice = nextEuro();
                Payer payer = payerOf(invoice.customerId());
                yield single(kind, invoice, invoice.openAmount().amount(), payer, referenceText(invoice.invoiceNumber(), payer), List.of());
            }
            case STRUCTURED_REFERENCE -> {
                OpenItem invoice = nextEuro();
                Payer payer = payerOf(invoice.customerId());
                yield single(kind, invoice, invoice.openAmount().amount(), payer, "VIREMENT " + payer.name(), List.of(invoice.invoiceNumber()));
            }
            case REFERENCE_TYPO -> {
                OpenItem invoice = nextEuro();
                Payer payer = payerOf(invoice.customerId());
                yield single(kind, invoice, invoice.openAmount().amount(), payer, referenceText(typo(invoice.invoiceNumber()), payer), List.of());
            }
            case PURCHASE_ORDER_NOISE -> {
                OpenItem invoice = nextEuro();
                Payer payer = payerOf(invoice.customerId());
                String order = "CDE 2026-0%05d".formatted(random.nextInt(100_000));
                yield single(kind, invoice, invoice.openAmount().amount(), payer,
                        random.nextBoolean() ? "FACTURE " + invoice.invoiceNumber() + " " + order : order + " FACT " + invoice.invoiceNumber(), List.of());
            }
            case EXACT_AMOUNT_BY_IBAN -> {
                OpenItem invoice = nextEuroOfKnownIban();
                Customer customer = customerById.get(invoice.customerId());
                yield single(kind, invoice, invoice.openAmount().amount(), new Payer(customer.bankIban(), variant(customer.legalName())),
                        pick(List.of("VIREMENT", "REGLEMENT", "PAIEMENT " + upper(customer.legalName()), "VIR SEPA")), List.of());
            }
            case GROUPED_WITH_REFERENCES, GROUPED_BY_IBAN -> grouped(kind);
            case PARTIAL_WITH_REFERENCE -> {
                OpenItem invoice = nextEuro();
                Payer payer = payerOf(invoice.customerId());
                BigDecimal part = invoice.openAmount().amount().multiply(BigDecimal.valueOf(20 + random.nextInt(60)))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                yield single(kind, invoice, part, payer, pick(List.of("ACOMPTE ", "PAIEMENT PARTIEL ", "1ER VERSEMENT "))
                        + invoice.invoiceNumber(), List.of());
            }
            case OVERPAYMENT_WITH_REFERENCE -> {
                OpenItem invoice = nextEuro();
                Payer payer = payerOf(invoice.customerId());
                BigDecimal paid = invoice.openAmount().amount().add(BigDecimal.valueOf(1 + random.nextInt(5_000), 2));
                yield new Entry(kind, payment(paid, payer, referenceText(invoice.invoiceNumber(), payer), List.of()),
                        invoice.customerId(), Map.of(invoice.invoiceId(), invoice.openAmount().amount()));
            }
            case NAME_VARIANT -> {
                OpenItem invoice = nextEuro();
                Customer customer = customerById.get(invoice.customerId());
                yield single(kind, invoice, invoice.openAmount().amount(),
                        new Payer(Iban.random(CountryCode.FR).toString(), variant(customer.legalName())), "VIREMENT", List.of());
            }
            case WRONG_CURRENCY -> {
                OpenItem invoice = dollarPool.remove(dollarPool.size() - 1);
                used.add(invoice.invoiceId());
                Payer payer = payerOf(invoice.customerId());
                yield new Entry(kind, payment(invoice.openAmount().amount(), payer, referenceText(invoice.invoiceNumber(), payer), List.of()),
                        null, Map.of());
            }
            case UNKNOWN_PAYER -> {
                OpenItem lookalike = euroPool.get(random.nextInt(euroPool.size()));
                yield new Entry(kind, payment(lookalike.openAmount().amount(),
                        new Payer(Iban.random(CountryCode.FR).toString(), "M " + upper(pick(NAMES)) + " " + upper(pick(TRADES))),
                        pick(List.of("VIREMENT", "REMBOURSEMENT", "VIR INST", "CADEAU")), List.of()), null, Map.of());
            }
            case PARTIAL_OLDEST_FIRST -> throw new IllegalStateException("made by createOldestFirstCustomers");
        };
    }

    /** 2 to 4 invoices of one customer paid together: named in the remittance, or not named by a payer known by IBAN. */
    private Entry grouped(Kind kind) {
        while (true) {
            Customer customer = customers.get(random.nextInt(customers.size()));
            if (reserved.contains(customer.id()) || kind == Kind.GROUPED_BY_IBAN && !customer.ibanKnown()) {
                continue;
            }
            List<OpenItem> free = invoicesOf.getOrDefault(customer.id(), List.of()).stream()
                    .filter(i -> !used.contains(i.invoiceId()) && i.openAmount().code().equals("EUR")).toList();
            int size = 2 + random.nextInt(3);
            if (free.size() < size) {
                continue;
            }
            List<OpenItem> chosen = new ArrayList<>(free.subList(0, size));
            chosen.forEach(i -> used.add(i.invoiceId()));
            euroPool.removeAll(chosen);
            BigDecimal sum = chosen.stream().map(i -> i.openAmount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<UUID, BigDecimal> truth = new LinkedHashMap<>();
            chosen.forEach(i -> truth.put(i.invoiceId(), i.openAmount().amount()));
            Payer payer = kind == Kind.GROUPED_BY_IBAN ? new Payer(customer.bankIban(), variant(customer.legalName()))
                    : payerOf(customer.id());
            String text = kind == Kind.GROUPED_BY_IBAN ? pick(List.of("REGLEMENT FACTURES", "VIREMENT", "PAIEMENT AVRIL"))
                    : "FACTURES " + String.join(pick(List.of(" ", ", ", " ET ", " + ", "/")),
                    chosen.stream().map(OpenItem::invoiceNumber).toList());
            return new Entry(kind, payment(sum, payer, text, List.of()), customer.id(), truth);
        }
    }

    /** Customers known by IBAN who pay a part of their balance with no reference: oldest due first is the rule. */
    private void createOldestFirstCustomers(int count) {
        List<Customer> shuffled = new ArrayList<>(customers);
        Collections.shuffle(shuffled, random);
        for (Customer customer : shuffled) {
            if (entries.size() == count) {
                return;
            }
            List<OpenItem> own = invoicesOf.getOrDefault(customer.id(), List.of());
            if (!customer.ibanKnown() || own.size() < 2 || own.size() > 8
                    || own.stream().anyMatch(i -> !i.openAmount().code().equals("EUR"))) {
                continue;
            }
            reserved.add(customer.id());
            own.forEach(i -> used.add(i.invoiceId()));
            euroPool.removeAll(own);
            List<OpenItem> oldestFirst = own.stream().sorted(Comparator.comparing(OpenItem::dueDate)
                    .thenComparing(OpenItem::invoiceNumber)).toList();
            BigDecimal second = oldestFirst.get(1).openAmount().amount().multiply(new BigDecimal("0.37"))
                    .setScale(2, RoundingMode.DOWN).add(new BigDecimal("0.01"));
            BigDecimal paid = oldestFirst.get(0).openAmount().amount().add(second);
            Map<UUID, BigDecimal> truth = new LinkedHashMap<>();
            truth.put(oldestFirst.get(0).invoiceId(), oldestFirst.get(0).openAmount().amount());
            truth.put(oldestFirst.get(1).invoiceId(), second);
            entries.add(new Entry(Kind.PARTIAL_OLDEST_FIRST, payment(paid, new Payer(customer.bankIban(),
                    variant(customer.legalName())), "VIREMENT " + upper(customer.legalName()), List.of()), customer.id(), truth));
        }
    }

    private record Payer(String iban, String name) {
    }

    /** Most customers pay from their usual account; some from another one (a parent company, a new bank). */
    private Payer payerOf(String customerId) {
        Customer customer = customerById.get(customerId);
        String iban = random.nextInt(100) < 90 ? customer.bankIban() : Iban.random(CountryCode.FR).toString();
        return new Payer(iban, variant(customer.legalName()));
    }

    private Entry single(Kind kind, OpenItem invoice, BigDecimal paid, Payer payer, String remittance, List<String> references) {
        return new Entry(kind, payment(paid, payer, remittance, references), invoice.customerId(),
                Map.of(invoice.invoiceId(), paid.min(invoice.openAmount().amount())));
    }

    private IncomingPayment payment(BigDecimal amount, Payer payer, String remittance, List<String> references) {
        return new IncomingPayment(new Money(amount, Money.currency("EUR")), valueDate, payer.name(), payer.iban(),
                remittance, references);
    }

    private OpenItem nextEuro() {
        while (true) {
            OpenItem item = euroPool.remove(euroPool.size() - 1);
            if (used.add(item.invoiceId())) {
                return item;
            }
        }
    }

    private OpenItem nextEuroOfKnownIban() {
        for (int i = euroPool.size() - 1; ; i--) {
            OpenItem item = euroPool.get(i);
            if (customerById.get(item.customerId()).ibanKnown() && !used.contains(item.invoiceId())) {
                euroPool.remove(i);
                used.add(item.invoiceId());
                return item;
            }
        }
    }

    /** How payers write invoice numbers: prefixes, spaces for dashes, lower case, glued digits, dates alongside. */
    private String referenceText(String number, Payer payer) {
        String digits = number.replace("F-", "");
        List<Supplier<String>> formats = List.of(
                () -> "FACTURE " + number,
                () -> number.replace("-", ""),
                () -> "REGLEMENT FACT " + digits,
                () -> "VIR SEPA " + upper(payer.name()) + " " + number,
                () -> "Paiement facture n° " + number + " merci",
                () -> "INV " + number.replace("-", " "),
                () -> "/INV/" + number + "/",
                () -> digits.replace("-", ""),
                () -> "ref " + number.toLowerCase(Locale.ROOT),
                () -> "PAIEMENT " + number + " DU " + "%02d/%02d/2026".formatted(1 + random.nextInt(28), 1 + random.nextInt(12)));
        return pick(formats).get();
    }

    /** A transposition of two digits (usually another invoice's number), a dropped digit, or a letter O for a zero. */
    private String typo(String number) {
        char[] chars = number.toCharArray();
        int draw = random.nextInt(4);
        if (draw <= 1) {
            int at = chars.length - 2 - random.nextInt(3);
            if (chars[at] == chars[at + 1]) {
                at = chars.length - 2;
                chars[at + 1] = chars[at + 1] == '9' ? '8' : (char) (chars[at + 1] + 1);
            } else {
                char swap = chars[at];
                chars[at] = chars[at + 1];
                chars[at + 1] = swap;
            }
            return new String(chars);
        }
        if (draw == 2) {
            int at = chars.length - 1 - random.nextInt(4);
            return number.substring(0, at) + number.substring(at + 1);
        }
        return number.replaceFirst("-0", "-O");
    }

    /** The payer name banks pass on: upper case, without legal form, with a prefix, without accents, or cut short. */
    private String variant(String legalName) {
        return switch (random.nextInt(6)) {
            case 0 -> upper(legalName);
            case 1 -> legalName;
            case 2 -> "STE " + upper(legalName);
            case 3 -> java.text.Normalizer.normalize(legalName, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                    .replace(" ", "  ").toLowerCase(Locale.ROOT);
            case 4 -> upper(legalName).replaceAll(" SAS$", " S.A.S").replaceAll(" SARL$", " S.A.R.L.");
            default -> upper(legalName).length() > 18 ? upper(legalName).substring(0, 18) : upper(legalName);
        };
    }

    private static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }
}
