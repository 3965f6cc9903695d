package io.relance.platform;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The metric names a PromQL expression reads: what must exist in Prometheus for the query to mean anything. */
final class PromQlMetricNames {

    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGES = Pattern.compile("\\[[^]]*]");
    private static final Pattern LABEL_LISTS = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "bool", "offset", "and", "or", "unless", "inf", "nan", "atan2");

    private PromQlMetricNames() {
    }

    static Set<String> of(String expression) {
        String text = STRINGS.matcher(expression).replaceAll(" ");
        text = MATCHERS.matcher(text).replaceAll(" ");
        text = RANGES.matcher(text).replaceAll(" ");
        text = LABEL_LISTS.matcher(text).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = IDENTIFIER.matcher(text);
        while (matcher.find()) {
            String token = matcher.group();
            boolean isCall = text.substring(matcher.end()).stripLeading().startsWith("(");
            boolean inNumber = matcher.start() > 0 && Character.isDigit(text.charAt(matcher.start() - 1));
            if (!isCall && !inNumber && !KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }
}
