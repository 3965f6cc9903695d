package io.relance.kpi.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Reads the {@code Instant} and {@code LocalDate} of events in the ISO forms producers write ({@code 2026-03-01},
 * {@code 2026-03-01T12:00:00Z}, {@code 2026-03-01T12:00:00.123456Z}) by hand: java.time's formatter took 7 % of the
 * stream thread. Any other form (another offset, a number, a 5-digit year, an impossible date) goes to Jackson's own
 * deserializers, which read or refuse it as before.
 */
final class IsoDates {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10, 1};

    private IsoDates() {
    }

    /** The deserializers, to register after the JavaTimeModule (the last registered is asked first). */
    static Module module() {
        SimpleModule module = new SimpleModule("relance-iso-dates");
        module.addDeserializer(Instant.class, new StdDeserializer<>(Instant.class) {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                Instant instant = parser.hasToken(JsonToken.VALUE_STRING) ? instant(parser.getText()) : null;
                return instant != null ? instant : InstantDeserializer.INSTANT.deserialize(parser, context);
            }
        });
        module.addDeserializer(LocalDate.class, new StdDeserializer<>(LocalDate.class) {
            @Override
            public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText() : null;
                LocalDate date = text == null ? null : date(text, 0, text.length());
                return date != null ? date : LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            }
        });
        return module;
    }

    /** {@code yyyy-MM-dd} at {@code text[from, to)}; null when it is not exactly that, or no such day. */
    static LocalDate date(String text, int from, int to) {
        if (to - from != 10 || text.charAt(from + 4) != '-' || text.charAt(from + 7) != '-') {
            return null;
        }
        int year = digits(text, from, from + 4);
        int month = digits(text, from + 5, from + 7);
        int day = digits(text, from + 8, from + 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f]Z} with 1 to 9 digits of fraction; null when it is not exactly that. */
    static Instant instant(String text) {
        int length = text.length();
        if (length < 20 || text.charAt(length - 1) != 'Z' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        LocalDate date = date(text, 0, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (date == null || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            int fraction = digits(text, 20, length - 1);
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9 || fraction < 0) {
                return null;
            }
            nanos = fraction * NANOS_PER_DIGIT[fractionDigits - 1];
        }
        return Instant.ofEpochSecond(date.toEpochDay() * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The number written at {@code text[from, to)} in ASCII digits only (at most 9); -1 otherwise. */
    private static int digits(String text, int from, int to) {
        if (to - from > 9 || to <= from) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
