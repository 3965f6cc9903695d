package io.relance.invoice.api;

import io.relance.invoice.domain.customer.Customer;
import io.relance.invoice.domain.customer.CustomerDetails;

import java.time.Instant;
import java.util.List;

/** A debtor account as the API shows it; {@code erasedAt} is set once its personal data was erased. */
public record CustomerResponse(String id, String sourceSystem, String externalId, String legalName,
                               String sirenOrVat, List<String> emails, String phone, CustomerRequest.Address address,
                               String language, String segment, Integer paymentTermsDays,
                               CustomerRequest.Proceedings insolvency, Instant erasedAt) {

    static CustomerResponse of(Customer customer) {
        CustomerDetails d = customer.details();
        return new CustomerResponse(customer.id(), d.sourceSystem(), d.externalId(), d.legalName(), d.sirenOrVat(),
                d.emails(), d.phone(),
                d.address() == null ? null : new CustomerRequest.Address(d.address().lines(), d.address().postalCode(),
                        d.address().city(), d.address().countryCode()),
                d.language().code(), d.segment().name(), d.paymentTermsDays(),
                d.insolvency() == null ? null
                        : new CustomerRequest.Proceedings(d.insolvency().type().name(), d.insolvency().openedOn()),
                customer.erasedAt());
    }
}
