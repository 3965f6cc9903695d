package io.relance.kpi.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written ISO reading gives what java.time gives, and leaves every other form to Jackson. */
class IsoDatesTest {

    private final ObjectMapper mapper = KpiTopologyDriver.MAPPER.copy().registerModule(IsoDates.module());

    @Test
    void everyInstantWrittenAsIsoReadsBackTheSameWhateverItsFraction() throws Exception {
        Random random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-2_208_988_800L, 253_402_300_799L),
                    i % 4 == 0 ? 0 : random.nextInt(1_000_000_000) / (int) Math.pow(10, random.nextInt(9)));
            String text = DateTimeFormatter.ISO_INSTANT.format(instant);
            assertThat(IsoDates.instant(text)).as(text).isEqualTo(instant);
            assertThat(mapper.readValue('"' + text + '"', Instant.class)).as(text).isEqualTo(instant);
        }
    }

    @Test
    void everyDateWrittenAsIsoReadsBackTheSame() throws Exception {
        for (LocalDate day = LocalDate.parse("1899-12-25"); day.isBefore(LocalDate.parse("2101-01-10")); day = day.plusDays(1)) {
            assertThat(IsoDates.date(day.toString(), 0, 10)).isEqualTo(day);
            assertThat(mapper.readValue('"' + day.toString() + '"', LocalDate.class)).isEqualTo(day);
        }
    }

    @Test
    void otherFormsAreLeftToJacksonWhichReadsOrRefusesThemAsBefore() {
        for (String json : List.of("\"2026-03-01T12:00:00+01:00\"", "\"+10000-01-01T12:00:00Z\"", "1772366400",
                "\"2026-03-01T12:00:00.1234567890Z\"", "\"2026-03-01T24:00:00Z\"", "\"2026-03-01T12:00:60Z\"",
                "\"2026-3-01T12:00:00Z\"", "\"2026-02-29T12:00:00Z\"", "\"\"", "null")) {
            assertThat(read(mapper, json, Instant.class)).as(json).isEqualTo(read(KpiTopologyDriver.MAPPER, json, Instant.class));
        }
        for (String json : List.of("\"+10000-01-01\"", "\"-0001-01-01\"", "\"2026-02-29\"", "\"2026-13-01\"",
                "\"2026-03-01T12:00:00\"", "\"20260301\"", "[2026,3,1]", "\"\"", "null")) {
            assertThat(read(mapper, json, LocalDate.class)).as(json).isEqualTo(read(KpiTopologyDriver.MAPPER, json, LocalDate.class));
        }
        assertThat(IsoDates.instant("2026-03-01T12:00:00+01:00")).isNull();
        assertThat(IsoDates.instant("2026-03-01T24:00:00Z")).isNull();
        assertThat(IsoDates.date("2026-02-29", 0, 10)).isNull();
        assertThat(read(mapper, "\"2026-02-29\"", LocalDate.class)).isEqualTo(InvalidFormatException.class);
    }

    /** What {@code mapper} reads from {@code json}, or the class of what it throws. */
    private static Object read(ObjectMapper mapper, String json, Class<?> type) {
        try {
            return mapper.readValue(json, type);
        } catch (Exception e) {
            return e.getClass();
        }
    }
}
