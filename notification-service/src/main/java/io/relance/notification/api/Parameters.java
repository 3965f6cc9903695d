package io.relance.notification.api;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reads query and path parameters, refusing bad ones with the field and the rule. */
final class Parameters {

    private Parameters() {
    }

    /** Longer than any real customer id; also keeps a hostile one out of the database and the logs. */
    static final int MAX_ID_LENGTH = 200;

    /** An identifier as other services issue them: printable, at most {@link #MAX_ID_LENGTH} characters. */
    static String identifier(String field, String value) {
        if (value.length() > MAX_ID_LENGTH) {
            throw new InvalidParameterException(field, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidParameterException(field, "must not contain control characters");
        }
        return value;
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "must be a UUID, got '" + value + "'");
        }
    }

    static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            throw new InvalidParameterException(field, "is required, one of " + names(type));
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "must be one of " + names(type) + ", got '" + value + "'");
        }
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
