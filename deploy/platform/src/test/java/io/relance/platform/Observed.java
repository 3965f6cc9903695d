package io.relance.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.relance.platform.replay.PlatformClient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What the platform's services answer about a replay, through their REST read APIs. */
final class Observed {

    /** The reminders dunning-service requested, as "customer|step|day" to invoice numbers, and the keys seen twice. */
    record Reminders(Map<String, Set<String>> byKey, List<String> duplicates) {
    }

    private Observed() {
    }

    /** Every invoice invoice-service lists, by number; {@code listedTwice} receives the numbers listed more than once. */
    static Map<String, JsonNode> invoicesByNumber(PlatformClient client, Collection<String> listedTwice) {
        Map<String, JsonNode> invoices = new HashMap<>();
        String after = null;
        do {
            JsonNode page = client.get("invoice-service", "/invoices?limit=500" + (after == null ? "" : "&after=" + encode(after)));
            page.path("items").forEach(item -> {
                if (invoices.put(item.path("number").asText(), item) != null) {
                    listedTwice.add(item.path("number").asText());
                }
            });
            after = page.path("next").isTextual() ? page.path("next").asText() : null;
        } while (after != null);
        return invoices;
    }

    /** The reminders of {@code customers} in dunning-service's history. */
    static Reminders reminders(PlatformClient client, Collection<String> customers, Map<String, JsonNode> invoices) {
        Map<String, String> numberById = new HashMap<>();
        invoices.forEach((number, invoice) -> numberById.put(invoice.path("id").asText(), number));
        Map<String, Set<String>> actual = new TreeMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String customer : customers) {
            JsonNode history = client.get("dunning-service", "/customers/" + encode(customer) + "/history");
            for (JsonNode entry : history) {
                if (!"REMINDER_REQUESTED".equals(entry.path("kind").asText())) {
                    continue;
                }
                String detail = entry.path("detail").asText();
                int step = Integer.parseInt(detail.substring("step ".length(), detail.indexOf(' ', "step ".length())));
                String key = customer + "|" + step + "|" + entry.path("businessDate").asText();
                Set<String> numbers = new TreeSet<>();
                entry.path("invoiceIds").forEach(id -> numbers.add(numberById.get(id.asText())));
                if (actual.put(key, numbers) != null) {
                    duplicates.add(key);
                }
            }
        }
        return new Reminders(actual, duplicates);
    }

    /** A KPI figure to 2 decimals; null when the service answers null (nothing to divide by). */
    static BigDecimal decimal(JsonNode figures, String field) {
        JsonNode value = figures.path(field);
        return value.isNull() || value.isMissingNode() ? null : new BigDecimal(value.asText()).setScale(2, RoundingMode.UNNECESSARY);
    }

    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
