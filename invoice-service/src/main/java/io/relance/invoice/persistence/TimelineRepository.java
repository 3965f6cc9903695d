package io.relance.invoice.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.relance.invoice.domain.TimelineEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class TimelineRepository implements PanacheRepositoryBase<TimelineEntity, Long> {

    public Uni<Void> record(TimelineEntry entry) {
        return persist(TimelineEntity.from(entry)).replaceWithVoid();
    }

    private static final String INSERT_ALL = """
            INSERT INTO invoice_timeline (invoice_id, occurred_at, business_date, kind, amount, currency, reference, detail)
            SELECT e.invoice_id, e.occurred_at, e.business_date, e.kind, e.amount, e.currency, e.reference, e.detail
            FROM unnest(CAST(?1 AS uuid[]), CAST(CAST(?2 AS text[]) AS timestamptz[]), CAST(?3 AS date[]), CAST(?4 AS text[]),
                        CAST(?5 AS numeric[]), CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]))
                 WITH ORDINALITY AS e(invoice_id, occurred_at, business_date, kind, amount, currency, reference, detail,
                                      position)
            ORDER BY e.position""";

    /** Records many entries with one statement, in list order (the timeline's order is its ids'). */
    public Uni<Void> recordAll(List<TimelineEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = entries.size();
        UUID[] invoiceIds = new UUID[n];
        // ISO text cast in SQL: Hibernate binds an OffsetDateTime[] as an Instant[], which the reactive client refuses.
        String[] occurred = new String[n];
        LocalDate[] businessDates = new LocalDate[n];
        String[] kinds = new String[n];
        BigDecimal[] amounts = new BigDecimal[n];
        String[] currencies = new String[n];
        String[] references = new String[n];
        String[] details = new String[n];
        for (int i = 0; i < n; i++) {
            TimelineEntry entry = entries.get(i);
            invoiceIds[i] = entry.invoiceId();
            occurred[i] = entry.recordedAt().toString();
            businessDates[i] = entry.businessDate();
            kinds[i] = entry.kind().name();
            amounts[i] = entry.amount() == null ? null : entry.amount().amount();
            currencies[i] = entry.amount() == null ? null : entry.amount().currency().getCurrencyCode();
            references[i] = entry.reference();
            details[i] = entry.detail();
        }
        return getSession().chain(session -> session.createNativeQuery(INSERT_ALL)
                .setParameter(1, invoiceIds).setParameter(2, occurred).setParameter(3, businessDates)
                .setParameter(4, kinds).setParameter(5, amounts).setParameter(6, currencies)
                .setParameter(7, references).setParameter(8, details)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<List<TimelineEntry>> of(UUID invoiceId) {
        return list("invoiceId = ?1 order by id", invoiceId)
                .map(entities -> entities.stream().map(TimelineEntity::toDomain).toList());
    }
}
