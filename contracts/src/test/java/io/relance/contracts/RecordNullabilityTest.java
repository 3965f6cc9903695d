package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A record refuses null exactly where its schema requires the field, so Java and JSON agree on what is optional. */
class RecordNullabilityTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theRecordRefusesNullForEveryRequiredFieldAndAcceptsItForTheOthers(EventType type) throws Exception {
        RelanceEvent complete = EventFixtures.complete(type);
        RecordComponent[] components = type.payloadType().getRecordComponents();
        List<String> required = ContractSchemas.documentOf(type).get("required").valueStream()
                .map(JsonNode::asText)
                .toList();

        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                continue;
            }
            Object[] arguments = argumentsOf(complete, components);
            arguments[i] = null;
            String field = components[i].getName();

            if (required.contains(field)) {
                assertThat(constructionFailure(type, arguments)).as(field)
                        .isInstanceOf(NullPointerException.class)
                        .hasMessage(field);
            } else {
                assertThatCode(() -> construct(type, arguments)).as(field).doesNotThrowAnyException();
            }
        }
    }

    private static Object[] argumentsOf(Object record, RecordComponent[] components) throws Exception {
        Object[] arguments = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            arguments[i] = components[i].getAccessor().invoke(record);
        }
        return arguments;
    }

    private static Throwable constructionFailure(EventType type, Object[] arguments) throws Exception {
        try {
            construct(type, arguments);
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        }
    }

    private static Object construct(EventType type, Object[] arguments) throws Exception {
        Class<?>[] parameterTypes = Arrays.stream(type.payloadType().getRecordComponents())
                .map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> canonical = type.payloadType().getDeclaredConstructor(parameterTypes);
        return canonical.newInstance(arguments);
    }
}
