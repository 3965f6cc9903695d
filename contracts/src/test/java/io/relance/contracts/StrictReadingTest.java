package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relance.contracts.invoice.InvoiceIssued;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The sample check can fail: a field the record lacks, or a required one missing, stops the read. */
class StrictReadingTest {

    private final ObjectMapper strict = TestObjectMappers.strict();

    @Test
    void aFieldTheRecordDoesNotHaveIsRejected() throws IOException {
        ObjectNode sample = invoiceIssuedSample().put("discount", "10.00");

        assertThatThrownBy(() -> strict.treeToValue(sample, InvoiceIssued.class))
                .isInstanceOf(UnrecognizedPropertyException.class)
                .hasMessageContaining("discount");
    }

    @Test
    void aMissingRequiredFieldIsRejectedByTheRecord() throws IOException {
        ObjectNode sample = invoiceIssuedSample();
        sample.remove("dueDate");

        assertThatThrownBy(() -> strict.treeToValue(sample, InvoiceIssued.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasMessageContaining("dueDate");
    }

    private ObjectNode invoiceIssuedSample() throws IOException {
        Path sample = Samples.of(EventType.INVOICE_ISSUED_V1).get(0);
        return (ObjectNode) strict.readTree(sample.toFile());
    }
}
