package io.relance.payment.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "customer")
public class CustomerEntity {

    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "legal_name", nullable = false)
    public String legalName;
    @Column(name = "normalized_name", nullable = false)
    public String normalizedName;
}
