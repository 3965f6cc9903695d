package io.relance.invoice.messaging;

import io.relance.contracts.customer.CustomerUpdated;
import io.relance.contracts.customer.Insolvency;
import io.relance.contracts.customer.InsolvencyType;
import io.relance.contracts.customer.Language;
import io.relance.contracts.customer.PostalAddress;
import io.relance.contracts.customer.Segment;
import io.relance.invoice.domain.customer.Customer;
import io.relance.invoice.domain.customer.CustomerDetails;

import java.time.Instant;
import java.util.UUID;

/** Translates a customer into the CustomerUpdated contract: the whole profile, as the compacted topic keeps it. */
public final class CustomerEvents {

    private CustomerEvents() {
    }

    public static CustomerUpdated updated(Customer customer, Instant occurredAt) {
        CustomerDetails details = customer.details();
        PostalAddress address = details.address() == null ? null : new PostalAddress(details.address().lines(),
                details.address().postalCode(), details.address().city(), details.address().countryCode());
        Insolvency insolvency = details.insolvency() == null ? null : new Insolvency(
                InsolvencyType.valueOf(details.insolvency().type().name()), details.insolvency().openedOn());
        return new CustomerUpdated(UUID.randomUUID(), occurredAt, customer.id(), details.sourceSystem(),
                details.externalId(), details.legalName(), details.sirenOrVat(), details.emails(), details.phone(),
                address, Language.valueOf(details.language().name()), Segment.valueOf(details.segment().name()),
                details.paymentTermsDays(), insolvency);
    }
}
