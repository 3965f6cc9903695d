package io.relance.notification.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Which invoices a reminder listed, to find deliveries by invoice. */
@Entity
@Table(name = "reminder_invoice")
@IdClass(ReminderInvoiceEntity.Key.class)
public class ReminderInvoiceEntity {

    @Id
    @Column(name = "reminder_id")
    public UUID reminderId;
    @Id
    @Column(name = "invoice_id")
    public UUID invoiceId;
    @Column(name = "invoice_number", nullable = false)
    public String invoiceNumber;

    public static class Key implements Serializable {
        public UUID reminderId;
        public UUID invoiceId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(reminderId, key.reminderId)
                    && Objects.equals(invoiceId, key.invoiceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(reminderId, invoiceId);
        }
    }
}
