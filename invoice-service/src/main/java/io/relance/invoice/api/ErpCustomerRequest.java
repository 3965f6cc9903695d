package io.relance.invoice.api;

import io.relance.invoice.domain.customer.CustomerDetails;

import java.util.List;

/** A customer's profile embedded in an ERP invoice (the {@code customer} field of relance.erp.invoice.v1). */
public record ErpCustomerRequest(String customerId, String sourceSystem, String externalId, String legalName,
                                 String sirenOrVat, List<String> emails, String phone, CustomerRequest.Address address,
                                 String language, String segment, Integer paymentTermsDays,
                                 CustomerRequest.Proceedings insolvency) {

    CustomerDetails.Draft toDraft() {
        return new CustomerRequest(sourceSystem, externalId, legalName, sirenOrVat, emails, phone, address, language,
                segment, paymentTermsDays, insolvency).toDraft();
    }
}
