package io.relance.notification.persistence;

import io.relance.notification.domain.Contact;
import io.relance.notification.domain.Language;
import io.relance.notification.domain.PostalAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

@Entity
@Table(name = "customer_contact")
public class ContactEntity {

    @Id
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "legal_name", nullable = false)
    public String legalName;
    @Column(nullable = false)
    public String emails;
    public String phone;
    @Column(name = "address_lines")
    public String addressLines;
    @Column(name = "postal_code")
    public String postalCode;
    public String city;
    @Column(name = "country_code")
    public String countryCode;
    @Column(nullable = false)
    public String language;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    void copy(Contact contact) {
        customerId = contact.customerId();
        legalName = contact.legalName();
        emails = String.join("\n", contact.emails());
        phone = contact.phone();
        PostalAddress address = contact.address();
        addressLines = address == null ? null : String.join("\n", address.lines());
        postalCode = address == null ? null : address.postalCode();
        city = address == null ? null : address.city();
        countryCode = address == null ? null : address.countryCode();
        language = contact.language().name();
        updatedAt = contact.updatedAt();
    }

    Contact toDomain() {
        PostalAddress address = addressLines == null ? null
                : new PostalAddress(List.of(addressLines.split("\n")), postalCode, city, countryCode);
        List<String> emailList = emails.isEmpty() ? List.of() : Arrays.asList(emails.split("\n"));
        return new Contact(customerId, legalName, emailList, phone, address, Language.valueOf(language), updatedAt);
    }
}
