package io.relance.invoice.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.time.LocalDate;

/**
 * Values no caller has reason to send, refused when a body is read, naming their field: text with the NUL character
 * and dates outside 1900-9999 (PostgreSQL stores neither: both used to be a 500). Events read with the same mapper,
 * so such an event is a poison record, dead-lettered, rather than a failure in the database.
 */
@Singleton
public class InputBounds implements ObjectMapperCustomizer {

    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);
    static final String NUL_RULE = "must not contain the NUL character";
    static final String DATE_RULE = "must be between " + EARLIEST + " and " + LATEST;

    /** Last, so that these deserializers replace the Java time module's rather than the other way round. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("relance-input-bounds")
                .addDeserializer(String.class, new Text())
                .addDeserializer(LocalDate.class, new Date()));
    }

    private static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw new OutOfBoundsException(parser, NUL_RULE, text, String.class);
            }
            return text;
        }
    }

    private static final class Date extends StdScalarDeserializer<LocalDate> {

        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            LocalDate date = LocalDateDeserializer.INSTANCE.deserialize(parser, context);
            if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
                throw new OutOfBoundsException(parser, DATE_RULE + ", got " + date, date, LocalDate.class);
            }
            return date;
        }
    }

    /** Read as an unreadable field by {@link Problems}, with its own rule. */
    static final class OutOfBoundsException extends InvalidFormatException {

        private final String rule;

        OutOfBoundsException(JsonParser parser, String rule, Object value, Class<?> type) {
            super(parser, rule, value, type);
            this.rule = rule;
        }

        String rule() {
            return rule;
        }
    }
}
