package io.relance.contracts.erp;

import io.relance.contracts.MessageType;
import io.relance.contracts.Topics;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every version of every message ERPs send in. Kept apart from {@link io.relance.contracts.EventType}
 * because these are requests from outside, not facts with an event id; ERPs set {@code ce_type}
 * so that invoice-service can dispatch on it.
 */
public enum ErpMessageType implements MessageType {

    INVOICE_V1("relance.erp.invoice.v1", ErpInvoice.class, Topics.ERP_INVOICES),
    CUSTOMER_V1("relance.erp.customer.v1", ErpCustomer.class, Topics.ERP_INVOICES);

    private final String ceType;
    private final Class<? extends Record> payloadType;
    private final String topic;

    ErpMessageType(String ceType, Class<? extends Record> payloadType, String topic) {
        this.ceType = ceType;
        this.payloadType = payloadType;
        this.topic = topic;
    }

    /** The type a {@code ce_type} header names, or empty when this version of contracts does not know it. */
    public static Optional<ErpMessageType> fromCeType(String ceType) {
        return Arrays.stream(values()).filter(type -> type.ceType.equals(ceType)).findFirst();
    }

    @Override
    public String ceType() {
        return ceType;
    }

    @Override
    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    @Override
    public String topic() {
        return topic;
    }
}
