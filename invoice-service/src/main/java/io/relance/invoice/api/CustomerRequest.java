package io.relance.invoice.api;

import io.relance.invoice.domain.customer.CustomerDetails;

import java.time.LocalDate;
import java.util.List;

/**
 * PUT /customers/{id} body: the whole profile as the ERP states it. Optional: sirenOrVat, emails, phone, address,
 * paymentTermsDays, insolvency.
 */
public record CustomerRequest(String sourceSystem, String externalId, String legalName, String sirenOrVat,
                              List<String> emails, String phone, Address address, String language, String segment,
                              Integer paymentTermsDays, Proceedings insolvency) {

    public record Address(List<String> lines, String postalCode, String city, String countryCode) {
    }

    public record Proceedings(String type, LocalDate openedOn) {
    }

    CustomerDetails.Draft toDraft() {
        return new CustomerDetails.Draft(sourceSystem, externalId, legalName, sirenOrVat, emails, phone,
                address == null ? null : new CustomerDetails.DraftAddress(address.lines(), address.postalCode(),
                        address.city(), address.countryCode()),
                language, segment, paymentTermsDays,
                insolvency == null ? null : new CustomerDetails.DraftInsolvency(insolvency.type(), insolvency.openedOn()));
    }
}
