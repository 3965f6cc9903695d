package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.payment.Allocation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Money travels as a decimal string, never as a floating-point number. */
class MoneyWireFormatTest {

    private static final UUID INVOICE_ID = UUID.fromString("83f2bca8-fb81-4d93-949a-bb80d1c055fb");

    private final ObjectMapper mapper = TestObjectMappers.production();

    @Test
    void everyAmountOfEveryPayloadIsDeclaredToTravelAsAString() {
        Set<RecordComponent> amounts = new LinkedHashSet<>();
        ContractSchemas.allMessageTypes().forEach(type -> collectAmounts(type.payloadType(), amounts));

        assertThat(amounts).isNotEmpty().allSatisfy(amount -> assertThat(amount.getAccessor()
                        .getAnnotation(JsonFormat.class))
                .as("%s.%s", amount.getDeclaringRecord().getSimpleName(), amount.getName())
                .isNotNull()
                .extracting(JsonFormat::shape)
                .isEqualTo(JsonFormat.Shape.STRING));
    }

    @Test
    void anAmountTravelsAsADecimalStringAndKeepsItsScale() throws JsonProcessingException {
        String json = mapper.writeValueAsString(new Allocation(INVOICE_ID, new BigDecimal("1250.50")));

        assertThat(mapper.readTree(json).get("amount").textValue()).isEqualTo("1250.50");
        assertThat(mapper.readValue(json, Allocation.class).amount()).isEqualTo(new BigDecimal("1250.50"));
    }

    @Test
    void anAmountWithoutTrailingZerosTravelsWithoutAnExponent() throws JsonProcessingException {
        BigDecimal indemnity = new BigDecimal("40.00").stripTrailingZeros();

        JsonNode json = mapper.readTree(mapper.writeValueAsString(new Allocation(INVOICE_ID, indemnity)));

        assertThat(json.get("amount").textValue()).isEqualTo("40");
    }

    private static void collectAmounts(Class<?> record, Set<RecordComponent> amounts) {
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getType() == BigDecimal.class) {
                amounts.add(component);
            }
            nestedRecord(component.getGenericType()).ifPresent(nested -> collectAmounts(nested, amounts));
        }
    }

    private static Optional<Class<?>> nestedRecord(Type type) {
        if (type instanceof Class<?> c && c.isRecord()) {
            return Optional.of(c);
        }
        if (type instanceof ParameterizedType list
                && list.getActualTypeArguments()[0] instanceof Class<?> c
                && c.isRecord()) {
            return Optional.of(c);
        }
        return Optional.empty();
    }
}
