package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceFilter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<InvoiceEntity, UUID> {

    public Uni<Void> add(Invoice invoice) {
        return persist(InvoiceEntity.from(invoice)).replaceWithVoid();
    }

    private static final String INSERT_ALL = """
            INSERT INTO invoice (id, customer_id, issuer, invoice_number, source_system, external_id, issue_date,
                                 due_date, amount, currency, open_amount, credited_amount, paid_amount, status,
                                 disputed, beyond_legal_terms, created_at)
            SELECT * FROM unnest(CAST(?1 AS uuid[]), CAST(?2 AS text[]), CAST(?3 AS text[]), CAST(?4 AS text[]),
                                 CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS date[]), CAST(?8 AS date[]),
                                 CAST(?9 AS numeric[]), CAST(?10 AS text[]), CAST(?11 AS numeric[]),
                                 CAST(?12 AS numeric[]), CAST(?13 AS numeric[]), CAST(?14 AS text[]),
                                 CAST(?15 AS boolean[]), CAST(?16 AS boolean[]), CAST(CAST(?17 AS text[]) AS timestamptz[]))""";

    /**
     * Stores new invoices with one statement, bypassing the session: for a batch, one round trip and no entity
     * bookkeeping instead of both per invoice. The caller has checked they are new.
     */
    public Uni<Void> addAll(List<Invoice> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = batch.size();
        UUID[] ids = new UUID[n];
        String[] customers = new String[n];
        String[] issuers = new String[n];
        String[] numbers = new String[n];
        String[] sources = new String[n];
        String[] externalIds = new String[n];
        LocalDate[] issueDates = new LocalDate[n];
        LocalDate[] dueDates = new LocalDate[n];
        BigDecimal[] amounts = new BigDecimal[n];
        String[] currencies = new String[n];
        BigDecimal[] open = new BigDecimal[n];
        BigDecimal[] credited = new BigDecimal[n];
        BigDecimal[] paid = new BigDecimal[n];
        String[] statuses = new String[n];
        Boolean[] disputed = new Boolean[n];
        Boolean[] beyondTerms = new Boolean[n];
        // ISO text cast in SQL: Hibernate binds an OffsetDateTime[] as an Instant[], which the reactive client refuses.
        String[] created = new String[n];
        for (int i = 0; i < n; i++) {
            Invoice invoice = batch.get(i);
            ids[i] = invoice.id();
            customers[i] = invoice.customerId();
            issuers[i] = invoice.issuer();
            numbers[i] = invoice.number();
            sources[i] = invoice.sourceSystem();
            externalIds[i] = invoice.externalId();
            issueDates[i] = invoice.issueDate();
            dueDates[i] = invoice.dueDate();
            amounts[i] = invoice.amount().amount();
            currencies[i] = invoice.amount().currency().getCurrencyCode();
            open[i] = invoice.openAmount().amount();
            credited[i] = invoice.credited().amount();
            paid[i] = invoice.paid().amount();
            statuses[i] = invoice.status().name();
            disputed[i] = invoice.disputed();
            beyondTerms[i] = invoice.beyondLegalTerms();
            created[i] = invoice.recordedAt().toString();
        }
        return getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter(1, ids).setParameter(2, customers).setParameter(3, issuers).setParameter(4, numbers)
                .setParameter(5, sources).setParameter(6, externalIds).setParameter(7, issueDates)
                .setParameter(8, dueDates).setParameter(9, amounts).setParameter(10, currencies)
                .setParameter(11, open).setParameter(12, credited).setParameter(13, paid)
                .setParameter(14, statuses).setParameter(15, disputed).setParameter(16, beyondTerms)
                .setParameter(17, created)
                .executeUpdate()).replaceWithVoid();
    }

    /** Stores the new balance, status and dispute flag of an invoice already stored. */
    public Uni<Void> update(Invoice invoice) {
        return findById(invoice.id()).chain(entity -> {
            entity.copyBalance(invoice);
            return flush();
        });
    }

    /** One page of the invoices matching the filter, in (due date, id) order. */
    public Uni<List<Invoice>> page(InvoiceFilter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.customerId() != null) {
            where.append(" and customerId = :customerId");
            params.put("customerId", filter.customerId());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and openAmount > 0 and dueDate < :today"
                    : " and (openAmount <= 0 or dueDate >= :today)");
            params.put("today", filter.today());
        }
        if (filter.dueFrom() != null) {
            where.append(" and dueDate >= :dueFrom");
            params.put("dueFrom", filter.dueFrom());
        }
        if (filter.dueTo() != null) {
            where.append(" and dueDate <= :dueTo");
            params.put("dueTo", filter.dueTo());
        }
        if (filter.minAmount() != null) {
            where.append(" and amount >= :minAmount");
            params.put("minAmount", filter.minAmount());
        }
        if (filter.maxAmount() != null) {
            where.append(" and amount <= :maxAmount");
            params.put("maxAmount", filter.maxAmount());
        }
        if (filter.afterId() != null) {
            where.append(" and (dueDate > :afterDueDate or (dueDate = :afterDueDate and id > :afterId))");
            params.put("afterDueDate", filter.afterDueDate());
            params.put("afterId", filter.afterId());
        }
        return find(where + " order by dueDate, id", params).range(0, filter.limit() - 1).list()
                .map(entities -> entities.stream().map(InvoiceEntity::toDomain).toList());
    }

    public Uni<List<Invoice>> ofCustomer(String customerId) {
        return list("customerId = ?1 order by dueDate, id", customerId)
                .map(entities -> entities.stream().map(InvoiceEntity::toDomain).toList());
    }

    public Uni<Optional<Invoice>> byId(UUID id) {
        return findById(id).map(entity -> Optional.ofNullable(entity).map(InvoiceEntity::toDomain));
    }

    public Uni<Optional<Invoice>> byNumber(String issuer, String number) {
        return find("issuer = ?1 and invoiceNumber = ?2", issuer, number).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(InvoiceEntity::toDomain));
    }

    /** Which of these (source system, external id) references are stored, each as {@link Invoice#sourceKey}. */
    public Uni<Set<String>> storedSourceReferences(Collection<String> sourceSystems, Collection<String> externalIds) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select i.sourceSystem, i.externalId from InvoiceEntity i where i.sourceSystem in :systems and i.externalId in :ids",
                        Object[].class).setParameter("systems", sourceSystems).setParameter("ids", externalIds).getResultList())
                .map(rows -> rows.stream().map(row -> Invoice.sourceKey((String) row[0], (String) row[1]))
                        .collect(Collectors.toSet()));
    }

    /** Which (issuer, number) pairs among invoices with these numbers are taken, each as {@link Invoice#numberKey}. */
    public Uni<Set<String>> takenNumbers(Collection<String> numbers) {
        return getSession().chain(session -> session.createSelectionQuery(
                        "select i.issuer, i.invoiceNumber from InvoiceEntity i where i.invoiceNumber in :numbers",
                        Object[].class).setParameter("numbers", numbers).getResultList())
                .map(rows -> rows.stream().map(row -> Invoice.numberKey((String) row[0], (String) row[1]))
                        .collect(Collectors.toSet()));
    }

    public Uni<Optional<Invoice>> bySourceReference(String sourceSystem, String externalId) {
        return find("sourceSystem = ?1 and externalId = ?2", sourceSystem, externalId).firstResult()
                .map(entity -> Optional.ofNullable(entity).map(InvoiceEntity::toDomain));
    }
}
