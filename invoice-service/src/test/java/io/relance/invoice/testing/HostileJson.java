package io.relance.invoice.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Invalid and extreme request bodies derived from a valid one: every field broken in turn, several at once drawn
 * from a seed (so a failure replays exactly), and bodies that are not JSON at all. Plain Java rather than a
 * property-testing library: the values that matter here are a known list, and a seed is all the replay needed.
 */
public final class HostileJson {

    /** JSON fragments that break a field's type, range, size, encoding or calendar. */
    public static final List<String> VALUES = List.of(
            "null", "true", "0", "-1", "1.5", "-0.01", "0.001", "2147483648", "-2147483649", "9223372036854775808",
            "1e400", "1e999999999", "\"1e999999999\"", "\"-1e999999999\"", "\"1e-999999999\"",
            "\"99999999999999999999999999999999999999.99\"", "\"" + "9".repeat(900) + "\"", "\"NaN\"", "\"Infinity\"",
            "\"\"", "\" \"", "\"" + "x".repeat(10_000) + "\"", "\"\\u0000\"", "\"\uD83D\uDE00\uD83E\uDDFE\"",
            "\"\\u202Eevil\"", "\"<script>alert(1)</script>\"", "\"'; DROP TABLE invoice; --\"",
            "\"2026-02-30\"", "\"2026-13-01\"", "\"+999999999-12-31\"", "\"-999999999-01-01\"", "\"9999-12-31\"",
            "\"0000-01-01\"", "\"2026-03-09T10:00:00Z\"", "\"tomorrow\"", "[]", "{}", "[1,2]", "{\"a\":1}");

    /** Bodies that are not the JSON document expected, or not JSON at all. */
    public static final List<String> MALFORMED = List.of(
            "", "{", "}", "[", "nul", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{\"a\":1,}", "\u0000", "\uFEFF{}",
            "[".repeat(50_000), "{\"a\":".repeat(10_000), "1".repeat(5_000), "\"unterminated", "null", "\"text\"",
            "42", "[]", "{\"a\":1}{\"a\":2}");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\u0001hostile-%d\u0001";

    private HostileJson() {
    }

    /** The valid body with one field (at any depth, a whole array too) replaced by each value in turn, or left out. */
    public static List<String> oneFieldBroken(String valid) {
        List<String> bodies = new ArrayList<>();
        for (List<Object> path : paths(parse(valid), new ArrayList<>())) {
            bodies.add(render(valid, List.of(path), List.of()));
            for (String value : VALUES) {
                bodies.add(render(valid, List.of(path), List.of(value)));
            }
        }
        return bodies;
    }

    /** {@code count} bodies with one to three fields broken at once, drawn from {@code seed}. */
    public static List<String> randomlyBroken(String valid, long seed, int count) {
        Random random = new Random(seed);
        List<List<Object>> paths = paths(parse(valid), new ArrayList<>());
        List<String> bodies = new ArrayList<>();
        while (bodies.size() < count) {
            List<List<Object>> chosen = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (int i = 1 + random.nextInt(3); i > 0; i--) {
                List<Object> path = paths.get(random.nextInt(paths.size()));
                if (chosen.stream().noneMatch(other -> startsWith(other, path) || startsWith(path, other))) {
                    chosen.add(path);
                    values.add(random.nextInt(VALUES.size() + 1) == 0 ? null : VALUES.get(random.nextInt(VALUES.size())));
                }
            }
            bodies.add(render(valid, chosen, values));
        }
        return bodies;
    }

    /** Every field's path: names for object members, 0 for an array's first element. */
    private static List<List<Object>> paths(JsonNode node, List<Object> prefix) {
        List<List<Object>> paths = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                List<Object> path = new ArrayList<>(prefix);
                path.add(name);
                paths.add(path);
                paths.addAll(paths(object.get(name), path));
            });
        } else if (node instanceof ArrayNode array && !array.isEmpty()) {
            List<Object> path = new ArrayList<>(prefix);
            path.add(0);
            paths.add(path);
            paths.addAll(paths(array.get(0), path));
        }
        return paths;
    }

    /** The body with each path set to its raw value; a null value (or none given) leaves the field out. */
    private static String render(String valid, List<List<Object>> paths, List<String> values) {
        JsonNode root = parse(valid);
        for (int i = 0; i < paths.size(); i++) {
            List<Object> path = paths.get(i);
            JsonNode parent = root;
            for (Object step : path.subList(0, path.size() - 1)) {
                parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
            }
            Object last = path.get(path.size() - 1);
            String value = i < values.size() ? values.get(i) : null;
            if (value == null) {
                if (last instanceof String name) {
                    ((ObjectNode) parent).remove(name);
                } else {
                    ((ArrayNode) parent).remove((Integer) last);
                }
            } else if (last instanceof String name) {
                ((ObjectNode) parent).set(name, TextNode.valueOf(MARK.formatted(i)));
            } else {
                ((ArrayNode) parent).set((Integer) last, TextNode.valueOf(MARK.formatted(i)));
            }
        }
        String body = root.toString();
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) != null) {
                body = body.replace("\"" + MARK.formatted(i).replace("\u0001", "\\u0001") + "\"", values.get(i));
            }
        }
        return body;
    }

    private static boolean startsWith(List<Object> path, List<Object> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
