package io.relance.invoice.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.erp.ErpCustomer;
import io.relance.contracts.erp.ErpInvoice;
import io.relance.contracts.erp.ErpMessageType;
import io.relance.delivery.DeadLetters;
import io.relance.invoice.application.ConflictException;
import io.relance.invoice.application.ConflictingInvoiceException;
import io.relance.invoice.application.IssueInvoice;
import io.relance.invoice.application.SaveCustomer;
import io.relance.invoice.application.UnprocessableException;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.RuleViolations;
import io.relance.invoice.domain.customer.CustomerDetails;
import io.relance.invoice.domain.customer.ErasedCustomerException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
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

    private final IssueInvoice issueInvoice;
    private final SaveCustomer saveCustomer;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    ErpInvoiceConsumer(IssueInvoice issueInvoice, SaveCustomer saveCustomer, DeadLetters deadLetters,
                       ObjectMapper mapper) {
        this.issueInvoice = issueInvoice;
        this.saveCustomer = saveCustomer;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("erp-invoices is read from Kafka only"));
        Uni<?> work;
        try {
            work = switch (messageType(metadata, message.getPayload())) {
                case INVOICE_V1 -> {
                    ErpInvoice erp = read(metadata, message.getPayload(), ErpMessageType.INVOICE_V1, ErpInvoice.class, ErpInvoice::customerId);
                    yield issueInvoice.issue(submission(erp), erp.customer() == null ? null
                            : new IssueInvoice.EmbeddedCustomer(erp.customer().customerId(), draft(erp.customer())));
                }
                case CUSTOMER_V1 -> {
                    ErpCustomer erp = read(metadata, message.getPayload(), ErpMessageType.CUSTOMER_V1, ErpCustomer.class, ErpCustomer::customerId);
                    yield saveCustomer.save(erp.customerId(), draft(erp));
                }
            };
        } catch (MalformedRecord | InvoiceRuleViolation e) {
            return deadLetter(message, metadata, e.getMessage());
        }
        return work
                .onFailure(e -> !isRejection(e)).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(OUTAGE_ATTEMPTS)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> deadLetter(message, metadata, reason(e)));
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

    private Uni<Void> deadLetter(Message<byte[]> message, IncomingKafkaRecordMetadata<?, ?> metadata, String reason) {
        return deadLetters.send(metadata, message.getPayload(), reason)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private static boolean isRejection(Throwable e) {
        return e instanceof InvoiceRuleViolation || e instanceof RuleViolations || e instanceof ConflictException
                || e instanceof ConflictingInvoiceException || e instanceof UnprocessableException
                || e instanceof ErasedCustomerException;
    }

    private static String reason(Throwable e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** A record that can never become an invoice as it is. */
    private static final class MalformedRecord extends RuntimeException {
        MalformedRecord(String reason) {
            super(reason);
        }
    }
}
