package io.relance.payment.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Comparable keys for invoice numbers, so that "F-2026-0001", "f 2026 0001", "FACTURE F2026/0001" and
 * "INV 20260001" all meet: the number with only its letters and digits, and its digits once a letter prefix is
 * dropped. A key is always a run of whole words of the text, never a piece of a longer number.
 */
public final class ReferenceKeys {

    /** Shorter digit runs (a year, a day, a count) would name invoices by accident. */
    static final int MIN_DIGIT_KEY = 5;
    /** Shorter numbers with letters ("F1") are too common in free text; digits alone obey {@link #MIN_DIGIT_KEY}. */
    static final int MIN_FULL_KEY = 4;
    /** "F 2026 0001" is three words; more than this many words are never one number. */
    private static final int MAX_WORDS = 4;

    private ReferenceKeys() {
    }

    /** The keys an invoice is found by. */
    public static Set<String> ofInvoiceNumber(String invoiceNumber) {
        Set<String> keys = new LinkedHashSet<>();
        String full = alphanumeric(invoiceNumber);
        addKeys(full, keys);
        return keys;
    }

    /** Every key that a run of words of the text could be; most name no invoice. */
    public static Set<String> inText(String text) {
        Set<String> keys = new LinkedHashSet<>();
        if (text == null) {
            return keys;
        }
        for (List<String> chunk : chunks(fold(text))) {
            for (int from = 0; from < chunk.size(); from++) {
                StringBuilder candidate = new StringBuilder();
                for (int to = from; to < chunk.size() && to < from + MAX_WORDS; to++) {
                    candidate.append(chunk.get(to));
                    addKeys(candidate.toString(), keys);
                }
            }
        }
        return keys;
    }

    private static void addKeys(String candidate, Set<String> keys) {
        if (candidate.length() >= MIN_FULL_KEY && candidate.chars().anyMatch(Character::isDigit)
                && candidate.chars().anyMatch(Character::isLetter)) {
            keys.add(candidate);
        }
        String digits = withoutLetterPrefix(candidate);
        if (digits.length() >= MIN_DIGIT_KEY && digits.chars().allMatch(Character::isDigit)) {
            keys.add(digits);
        }
    }

    private static String withoutLetterPrefix(String candidate) {
        int start = 0;
        while (start < candidate.length() && Character.isLetter(candidate.charAt(start))) {
            start++;
        }
        return candidate.substring(start);
    }

    /** Words joined by spaces, dashes, slashes, dots or underscores may form one number; anything else ends it. */
    private static List<List<String>> chunks(String folded) {
        List<List<String>> chunks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
                continue;
            }
            if (!word.isEmpty()) {
                current.add(word.toString());
                word.setLength(0);
            }
            if (" -/._".indexOf(c) < 0 && !current.isEmpty()) {
                chunks.add(current);
                current = new ArrayList<>();
            }
        }
        if (!word.isEmpty()) {
            current.add(word.toString());
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }

    /** Whether two invoice numbers differ by one typo: one character swapped with its neighbour, missing, extra or wrong. */
    public static boolean oneTypoApart(String first, String second) {
        String a = alphanumeric(first);
        String b = alphanumeric(second);
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        if (a.length() != b.length()) {
            String longer = a.length() > b.length() ? a : b;
            String shorter = a.length() > b.length() ? b : a;
            int i = 0;
            while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
                i++;
            }
            return shorter.substring(i).equals(longer.substring(i + 1));
        }
        int differ = 0;
        while (a.charAt(differ) == b.charAt(differ)) {
            differ++;
        }
        if (a.substring(differ + 1).equals(b.substring(differ + 1))) {
            return true;
        }
        return differ + 1 < a.length() && a.charAt(differ) == b.charAt(differ + 1) && a.charAt(differ + 1) == b.charAt(differ)
                && a.substring(differ + 2).equals(b.substring(differ + 2));
    }

    static String alphanumeric(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : fold(text).toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Upper case without accents, so that "Facture n°" and "FACTURE N" read alike. */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
    }
}
