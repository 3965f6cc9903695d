package io.relance.payment.application;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.relance.payment.domain.Money;
import io.relance.payment.domain.OpenItem;
import io.relance.payment.domain.PaymentLink;
import io.relance.payment.domain.PaymentRuleViolation;
import io.relance.payment.persistence.CheckoutEntity;
import io.relance.payment.persistence.CheckoutRepository;
import io.relance.payment.persistence.OpenItemEntity;
import io.relance.payment.persistence.OpenItemRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens a checkout at the payment provider for invoices the payer chose among its link's open invoices. The
 * provider is called outside any database transaction; only the checkout it returns is then stored.
 */
@ApplicationScoped
public class StartCheckout {

    private final OpenItemRepository items;
    private final CheckoutRepository checkouts;
    private final PaymentProvider provider;
    private final Clock clock;

    StartCheckout(OpenItemRepository items, CheckoutRepository checkouts, PaymentProvider provider, Clock clock) {
        this.items = items;
        this.checkouts = checkouts;
        this.provider = provider;
        this.clock = clock;
    }

    public Uni<CheckoutView> start(PaymentLink link, List<UUID> invoiceIds) {
        return Panache.withSession(() -> items.openOf(link.customerId()))
                .map(open -> chosen(open.stream().map(OpenItemEntity::toDomain).toList(), invoiceIds))
                .chain(chosen -> {
                    UUID checkoutId = UUID.randomUUID();
                    Money amount = chosen.stream().map(OpenItem::openAmount).reduce(Money::plus).orElseThrow();
                    List<String> numbers = chosen.stream().map(OpenItem::invoiceNumber).toList();
                    return provider.createCheckout(checkoutId, link.customerId(), amount, "Invoices " + String.join(", ", numbers))
                            .chain(opened -> Panache.withTransaction(() -> {
                                CheckoutEntity checkout = new CheckoutEntity();
                                checkout.id = checkoutId;
                                checkout.customerId = link.customerId();
                                checkout.provider = provider.name();
                                checkout.providerReference = opened.reference();
                                checkout.redirectUrl = opened.redirectUrl().toString();
                                checkout.amount = amount.amount();
                                checkout.currency = amount.code();
                                checkout.numbers(numbers);
                                checkout.status = CheckoutEntity.Status.OPEN;
                                checkout.createdAt = clock.instant();
                                return checkouts.persist(checkout);
                            }))
                            .map(CheckoutView::of);
                });
    }

    /**
     * The invoices asked for, each of which must be an open invoice of the link's customer; the refusal does not say
     * whether an id exists elsewhere, so a link cannot probe another customer's invoices.
     */
    static List<OpenItem> chosen(List<OpenItem> open, List<UUID> invoiceIds) {
        if (invoiceIds == null || invoiceIds.isEmpty()) {
            throw new PaymentRuleViolation("invoiceIds", "must name at least one open invoice");
        }
        Map<UUID, OpenItem> byId = open.stream().collect(Collectors.toMap(OpenItem::invoiceId, Function.identity()));
        List<OpenItem> chosen = new ArrayList<>();
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(invoiceIds));
        for (int i = 0; i < ids.size(); i++) {
            OpenItem item = byId.get(ids.get(i));
            if (item == null) {
                throw new PaymentRuleViolation("invoiceIds[" + i + "]", "is not an open invoice of this link's customer");
            }
            chosen.add(item);
        }
        if (chosen.stream().map(i -> i.openAmount().code()).distinct().count() > 1) {
            throw new PaymentRuleViolation("invoiceIds", "must all be in one currency: one checkout pays one currency");
        }
        return chosen;
    }
}
