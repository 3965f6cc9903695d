package io.relance.invoice.persistence;

import io.relance.invoice.domain.customer.Customer;
import io.relance.invoice.domain.customer.CustomerDetails;
import io.relance.invoice.domain.customer.Insolvency;
import io.relance.invoice.domain.customer.InsolvencyType;
import io.relance.invoice.domain.customer.Language;
import io.relance.invoice.domain.customer.PostalAddress;
import io.relance.invoice.domain.customer.Segment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "customer")
public class CustomerEntity {

    private static final String SEPARATOR = "\n";

    @Id
    public String id;
    @Column(name = "source_system", nullable = false)
    public String sourceSystem;
    @Column(name = "external_id", nullable = false)
    public String externalId;
    @Column(name = "legal_name", nullable = false)
    public String legalName;
    @Column(name = "siren_or_vat")
    public String sirenOrVat;
    @Column(nullable = false)
    public String emails;
    public String phone;
    @Column(name = "address_lines")
    public String addressLines;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    @Column(name = "country_code", length = 2)
    public String countryCode;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Language language;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Segment segment;
    @Column(name = "payment_terms_days")
    public Integer paymentTermsDays;
    @Enumerated(EnumType.STRING)
    @Column(name = "insolvency_type")
    public InsolvencyType insolvencyType;
    @Column(name = "insolvency_opened_on")
    public LocalDate insolvencyOpenedOn;
    @Column(name = "erased_at")
    public Instant erasedAt;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static CustomerEntity from(Customer customer, Instant now) {
        CustomerEntity entity = new CustomerEntity();
        entity.id = customer.id();
        entity.copy(customer, now);
        return entity;
    }

    void copy(Customer customer, Instant now) {
        CustomerDetails details = customer.details();
        sourceSystem = details.sourceSystem();
        externalId = details.externalId();
        legalName = details.legalName();
        sirenOrVat = details.sirenOrVat();
        emails = String.join(SEPARATOR, details.emails());
        phone = details.phone();
        PostalAddress address = details.address();
        addressLines = address == null ? null : String.join(SEPARATOR, address.lines());
        postalCode = address == null ? null : address.postalCode();
        city = address == null ? null : address.city();
        countryCode = address == null ? null : address.countryCode();
        language = details.language();
        segment = details.segment();
        paymentTermsDays = details.paymentTermsDays();
        insolvencyType = details.insolvency() == null ? null : details.insolvency().type();
        insolvencyOpenedOn = details.insolvency() == null ? null : details.insolvency().openedOn();
        erasedAt = customer.erasedAt();
        updatedAt = now;
    }

    Customer toDomain() {
        PostalAddress address = addressLines == null ? null
                : new PostalAddress(split(addressLines), postalCode, city, countryCode);
        Insolvency insolvency = insolvencyType == null ? null : new Insolvency(insolvencyType, insolvencyOpenedOn);
        return new Customer(id, new CustomerDetails(sourceSystem, externalId, legalName, sirenOrVat, split(emails),
                phone, address, language, segment, paymentTermsDays, insolvency), erasedAt);
    }

    private static List<String> split(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(SEPARATOR));
    }
}
