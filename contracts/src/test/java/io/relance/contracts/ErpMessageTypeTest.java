package io.relance.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.relance.contracts.erp.ErpMessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErpMessageTypeTest {

    @ParameterizedTest
    @EnumSource(ErpMessageType.class)
    void fromCeTypeFindsTheTypeBack(ErpMessageType type) {
        assertThat(ErpMessageType.fromCeType(type.ceType())).contains(type);
    }

    @ParameterizedTest
    @EnumSource(ErpMessageType.class)
    void erpMessagesTravelOnTheErpIngressTopic(ErpMessageType type) {
        assertThat(type.topic()).isEqualTo(Topics.ERP_INVOICES);
    }

    @Test
    void anEventCeTypeIsNotAnErpMessage() {
        assertThat(ErpMessageType.fromCeType(EventType.INVOICE_ISSUED_V1.ceType())).isEmpty();
        assertThat(ErpMessageType.fromCeType(null)).isEmpty();
    }
}
