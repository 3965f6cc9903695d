package io.relance.invoice.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.erp.ErpCustomer;
import io.relance.contracts.erp.ErpInvoice;
import io.relance.contracts.erp.ErpMessageType;
import io.relance.delivery.DeadLetters;
import io.relance.invoice.application.BatchRollbacks;
import io.relance.invoice.application.IssueInvoice;
import io.relance.invoice.application.SaveCustomer;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.customer.CustomerDetails;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Invoices and customer profiles from the erp-invoices topic, told apart by ce_type. ERP messages carry no event id,
 * so they do not go through the Inbox: intake itself is idempotent on (sourceSystem, externalId), and a profile that
 * did not change publishes nothing. A record that is malformed or breaks a rule goes to the dead-letter topic with
 * the reason and the partition moves on; a database outage is retried.
 */
@ApplicationScoped
public class ErpInvoiceConsumer {

    public static final String CHANNEL = "erp-invoices";
    private static final int OUTAGE_ATTEMPTS = 6;
    private static final Logger LOG = Logger.getLogger(ErpInvoiceConsumer.class);

    private final IssueInvoice issueInvoice;
    private final SaveCustomer saveCustomer;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final BatchRollbacks rollbacks;

    ErpInvoiceConsumer(IssueInvoice issueInvoice, SaveCustomer saveCustomer, DeadLetters deadLetters,
                       ObjectMapper mapper, BatchRollbacks rollbacks) {
        this.issueInvoice = issueInvoice;
        this.saveCustomer = saveCustomer;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.rollbacks = rollbacks;
    }

    /**
     * A poll's records in their order (so each partition's order holds): consecutive invoices are issued together in
     * one transaction, customer profiles one by one; refused records are dead-lettered, then the batch is acked.
     */
    @Incoming(CHANNEL)
    public Uni<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        Uni<Void> work = Uni.createFrom().voidItem();
        List<ErpRecord> invoices = new ArrayList<>();
        for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
            ErpRecord incoming = decode(record);
            if (incoming.type() == ErpMessageType.INVOICE_V1) {
                invoices.add(incoming);
            } else {
                List<ErpRecord> run = List.copyOf(invoices);
                invoices.clear();
                work = work.chain(() -> issueAll(run)).chain(() -> one(incoming));
            }
        }
        List<ErpRecord> run = List.copyOf(invoices);
        return work.chain(() -> issueAll(run)).chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** A record as read: its type and what it asks for, or why it can never be applied. */
    private record ErpRecord(IncomingKafkaRecordMetadata<?, ?> metadata, byte[] payload, ErpMessageType type,
                            IssueInvoice.BatchItem invoice, ErpCustomer customer, RuntimeException malformed) {
    }

    private ErpRecord decode(KafkaRecord<String, byte[]> record) {
        IncomingKafkaRecordMetadata<?, ?> metadata = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("erp-invoices is read from Kafka only"));
        byte[] payload = record.getPayload();
        try {
            return switch (messageType(metadata, payload)) {
                case INVOICE_V1 -> {
                    ErpInvoice erp = read(metadata, payload, ErpMessageType.INVOICE_V1, ErpInvoice.class, ErpInvoice::customerId);
                    yield new ErpRecord(metadata, payload, ErpMessageType.INVOICE_V1, new IssueInvoice.BatchItem(
                            submission(erp), erp.customer() == null ? null : new IssueInvoice.EmbeddedCustomer(
                                    erp.customer().customerId(), draft(erp.customer())), null), null, null);
                }
                case CUSTOMER_V1 -> new ErpRecord(metadata, payload, ErpMessageType.CUSTOMER_V1, null,
                        read(metadata, payload, ErpMessageType.CUSTOMER_V1, ErpCustomer.class, ErpCustomer::customerId), null);
            };
        } catch (MalformedRecord | InvoiceRuleViolation e) {
            return new ErpRecord(metadata, payload, null, null, null, e);
        } catch (RuntimeException e) {
            // Whatever else a record's content breaks must not fail the channel: it would stop the partition.
            return new ErpRecord(metadata, payload, null, null, null, new MalformedRecord(
                    "payload cannot become a submission: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Invoices in one transaction; if the database fails it, each is retried on its own. */
    private Uni<Void> issueAll(List<ErpRecord> run) {
        if (run.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return issueInvoice.issueAll(run.stream().map(ErpRecord::invoice).toList())
                .chain(outcomes -> Multi.createFrom().range(0, run.size())
                        .filter(i -> outcomes.get(i).rejection() != null)
                        .onItem().transformToUniAndConcatenate(i -> deadLetter(run.get(i), reason(outcomes.get(i).rejection())))
                        .collect().last().replaceWithVoid())
                .onFailure().recoverWithUni(failure -> {
                    rollbacks.topic();
                    LOG.warnf("a run of %d ERP invoices rolled back (%s); issuing them one by one", run.size(), failure.toString());
                    return Multi.createFrom().iterable(run)
                            .onItem().transformToUniAndConcatenate(this::one).collect().last().replaceWithVoid();
                });
    }

    /** One record on its own: a database outage is retried, a refusal or an endless failure is dead-lettered. */
    private Uni<Void> one(ErpRecord incoming) {
        if (incoming.malformed() != null) {
            return deadLetter(incoming, incoming.malformed().getMessage());
        }
        Uni<?> work = incoming.type() == ErpMessageType.INVOICE_V1
                ? issueInvoice.issue(incoming.invoice().submission(), incoming.invoice().customer())
                : saveCustomer.save(incoming.customer().customerId(), draft(incoming.customer()));
        return work
                .onFailure(e -> !IssueInvoice.isRejection(e)).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(OUTAGE_ATTEMPTS)
                .replaceWithVoid()
                .onFailure().recoverWithUni(e -> deadLetter(incoming, reason(e)));
    }

    private static ErpMessageType messageType(IncomingKafkaRecordMetadata<?, ?> metadata, byte[] payload) {
        Header type = metadata.getHeaders() == null ? null : metadata.getHeaders().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        ErpMessageType known = ErpMessageType.fromCeType(ceType).orElseThrow(() -> new MalformedRecord("header "
                + CloudEventHeaders.TYPE + " must be one of " + Arrays.stream(ErpMessageType.values())
                .map(ErpMessageType::ceType).toList() + ", got " + ceType));
        if (payload == null || payload.length == 0) {
            throw new MalformedRecord("empty payload");
        }
        return known;
    }

    private <T> T read(IncomingKafkaRecordMetadata<?, ?> metadata, byte[] payload, ErpMessageType messageType,
                       Class<T> type, Function<T, String> customerId) {
        T erp;
        try {
            erp = mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new MalformedRecord("payload is not a valid " + messageType.ceType() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRecord("payload cannot be read: " + e.getMessage());
        }
        if (erp == null) {
            throw new MalformedRecord("payload must be a JSON object, got null");
        }
        Object key = metadata.getKey();
        if (key != null && !key.toString().equals(customerId.apply(erp))) {
            throw new MalformedRecord("record key '" + key + "' differs from customerId '" + customerId.apply(erp) + "'");
        }
        return erp;
    }

    private static Invoice.Submission submission(ErpInvoice erp) {
        return new Invoice.Submission(erp.customerId(), erp.sourceSystem(), erp.invoiceNumber(), erp.sourceSystem(),
                erp.externalId(), erp.issueDate(), erp.dueDate(), new Money(erp.amount(), Money.currency(erp.currency())));
    }

    private static CustomerDetails.Draft draft(ErpCustomer erp) {
        return new CustomerDetails.Draft(erp.sourceSystem(), erp.externalId(), erp.legalName(), erp.sirenOrVat(),
                erp.emails(), erp.phone(), erp.address() == null ? null : new CustomerDetails.DraftAddress(
                        erp.address().lines(), erp.address().postalCode(), erp.address().city(),
                        erp.address().countryCode()),
                erp.language().name().toLowerCase(Locale.ROOT), erp.segment().name(), erp.paymentTermsDays(),
                erp.insolvency() == null ? null : new CustomerDetails.DraftInsolvency(
                        erp.insolvency().type().name(), erp.insolvency().openedOn()));
    }

    private Uni<Void> deadLetter(ErpRecord incoming, String reason) {
        return deadLetters.send(incoming.metadata(), incoming.payload(), reason)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely();
    }

    private static String reason(Throwable e) {
        return e instanceof MalformedRecord || e instanceof InvoiceRuleViolation ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A record that can never become an invoice as it is. */
    private static final class MalformedRecord extends RuntimeException {
        MalformedRecord(String reason) {
            super(reason);
        }
    }
}
