package io.relance.invoice.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.contracts.CloudEventHeaders;
import io.relance.contracts.erp.ErpInvoice;
import io.relance.contracts.erp.ErpMessageType;
import io.relance.delivery.DeadLetters;
import io.relance.invoice.application.ConflictException;
import io.relance.invoice.application.ConflictingInvoiceException;
import io.relance.invoice.application.IssueInvoice;
import io.relance.invoice.application.UnprocessableException;
import io.relance.invoice.domain.Invoice;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.relance.invoice.domain.Money;
import io.relance.invoice.domain.RuleViolations;
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

/**
 * Invoices from the erp-invoices topic. ERP messages carry no event id, so they do not go through the Inbox:
 * intake itself is idempotent on (sourceSystem, externalId). A record that is malformed or breaks a rule goes to
 * the dead-letter topic with the reason and the partition moves on; a database outage is retried.
 */
@ApplicationScoped
public class ErpInvoiceConsumer {

    public static final String CHANNEL = "erp-invoices";
    private static final int OUTAGE_ATTEMPTS = 6;

    private final IssueInvoice issueInvoice;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    ErpInvoiceConsumer(IssueInvoice issueInvoice, DeadLetters deadLetters, ObjectMapper mapper) {
        this.issueInvoice = issueInvoice;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalStateException("erp-invoices is read from Kafka only"));
        Invoice.Submission submission;
        try {
            submission = decode(metadata, message.getPayload());
        } catch (MalformedRecord | InvoiceRuleViolation e) {
            return deadLetter(message, metadata, e.getMessage());
        }
        return issueInvoice.issue(submission)
                .onFailure(e -> !isRejection(e)).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5))
                .atMost(OUTAGE_ATTEMPTS)
                .chain(() -> Uni.createFrom().completionStage(message.ack()))
                .onFailure().recoverWithUni(e -> deadLetter(message, metadata, reason(e)));
    }

    private Invoice.Submission decode(IncomingKafkaRecordMetadata<?, ?> metadata, byte[] payload) {
        Header type = metadata.getHeaders() == null ? null : metadata.getHeaders().lastHeader(CloudEventHeaders.TYPE);
        String ceType = type == null ? null : new String(type.value(), StandardCharsets.UTF_8);
        if (!ErpMessageType.INVOICE_V1.ceType().equals(ceType)) {
            throw new MalformedRecord("header " + CloudEventHeaders.TYPE + " must be "
                    + ErpMessageType.INVOICE_V1.ceType() + ", got " + ceType);
        }
        if (payload == null || payload.length == 0) {
            throw new MalformedRecord("empty payload");
        }
        ErpInvoice erp;
        try {
            erp = mapper.readValue(payload, ErpInvoice.class);
        } catch (JsonProcessingException e) {
            throw new MalformedRecord("payload is not a valid " + ceType + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedRecord("payload cannot be read: " + e.getMessage());
        }
        Object key = metadata.getKey();
        if (key != null && !key.toString().equals(erp.customerId())) {
            throw new MalformedRecord("record key '" + key + "' differs from customerId '" + erp.customerId() + "'");
        }
        return new Invoice.Submission(erp.customerId(), erp.sourceSystem(), erp.invoiceNumber(), erp.sourceSystem(),
                erp.externalId(), erp.issueDate(), erp.dueDate(), new Money(erp.amount(), Money.currency(erp.currency())));
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
