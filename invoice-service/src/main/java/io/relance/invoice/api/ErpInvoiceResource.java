package io.relance.invoice.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relance.invoice.application.BatchRollbacks;
import io.relance.invoice.application.IssueInvoice;
import io.relance.invoice.domain.InvoiceRuleViolation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

/** Invoice intake from ERP systems over REST: one invoice, or a batch with a result per item. */
@Path("/erp/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ErpInvoiceResource {

    public static final int MAX_BATCH = 1000;
    private static final Logger LOG = Logger.getLogger(ErpInvoiceResource.class);
    private static final String EXAMPLE = """
            {"sourceSystem":"sap-fr","externalId":"0090001234","invoiceNumber":"FA-2025-000481",
             "customerId":"FR-552081317","issueDate":"2025-02-03","dueDate":"2025-03-05","amount":"14280.00","currency":"EUR"}""";

    private static final String EXAMPLE_WITH_CUSTOMER = """
            {"sourceSystem":"sage-fr","externalId":"VE-2025-00917","invoiceNumber":"FC250917","customerId":"FR-821455391",
             "issueDate":"2025-03-14","dueDate":"2025-04-30","amount":"2364.00","currency":"EUR",
             "customer":{"customerId":"FR-821455391","sourceSystem":"sage-fr","externalId":"CLT00412",
              "legalName":"Boulangerie Fournil Saint-Jean","sirenOrVat":"821455391","emails":["gerance@fournil-saint-jean.fr"],
              "address":{"lines":["3 place Saint-Jean"],"postalCode":"31000","city":"Toulouse","countryCode":"FR"},
              "language":"fr","segment":"OCCASIONAL","paymentTermsDays":45}}""";

    private final IssueInvoice issueInvoice;
    private final ObjectMapper mapper;
    private final BatchRollbacks rollbacks;

    ErpInvoiceResource(IssueInvoice issueInvoice, ObjectMapper mapper, BatchRollbacks rollbacks) {
        this.issueInvoice = issueInvoice;
        this.mapper = mapper;
        this.rollbacks = rollbacks;
    }

    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @POST
    @Operation(summary = "Receive one invoice from an ERP; idempotent on (sourceSystem, externalId)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = {@ExampleObject(name = "SAP invoice", value = EXAMPLE),
                    @ExampleObject(name = "Invoice with its customer's profile", value = EXAMPLE_WITH_CUSTOMER)}))
    @APIResponse(responseCode = "201", description = "Issued; InvoiceIssued will be published")
    @APIResponse(responseCode = "200", description = "The same invoice had already been received")
    @APIResponse(responseCode = "400", description = "A field breaks a rule (problem document naming each)")
    @APIResponse(responseCode = "409", description = "Same external id with other content, or number already used by the issuer")
    @APIResponse(responseCode = "422", description = "The customer does not exist and the invoice carries no customer profile")
    public Uni<Response> receive(@NotNull ErpInvoiceRequest request) {
        return issue(request).map(outcome -> outcome.created()
                ? Response.created(URI.create("/invoices/" + outcome.invoice().id()))
                .entity(InvoiceResponse.of(outcome.invoice())).build()
                : Response.ok(InvoiceResponse.of(outcome.invoice())).build());
    }

    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @POST
    @Path("/batch")
    @Operation(summary = "Receive up to 1,000 invoices; each is stored or rejected on its own, with its result")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "Two invoices", value = "[" + EXAMPLE + "," + EXAMPLE + "]")))
    @APIResponse(responseCode = "200", description = "The outcome of every item, in the order sent")
    @APIResponse(responseCode = "400", description = "Not a JSON array, or more than 1,000 items")
    public Uni<BatchResult> receiveBatch(@NotNull List<JsonNode> items) {
        if (items.size() > MAX_BATCH) {
            throw new InvoiceRuleViolation("body", "must hold at most " + MAX_BATCH + " invoices, got " + items.size());
        }
        List<IssueInvoice.BatchItem> batch = items.stream().map(this::batchItem).toList();
        return issueInvoice.issueAll(batch)
                .map(outcomes -> BatchResult.of(IntStream.range(0, outcomes.size())
                        .mapToObj(index -> item(index, outcomes.get(index))).toList()))
                .onFailure(e -> !IssueInvoice.isRejection(e)).recoverWithUni(failure -> {
                    // A database error (a concurrent caller took a number, say) rolled the batch back: item by item.
                    rollbacks.rest();
                    LOG.warnf("batch of %d rolled back (%s); issuing its items one by one", items.size(), failure.toString());
                    return Multi.createFrom().range(0, items.size())
                            .onItem().transformToUniAndConcatenate(index -> item(index, items.get(index)))
                            .collect().asList()
                            .map(BatchResult::of);
                });
    }

    private IssueInvoice.BatchItem batchItem(JsonNode json) {
        try {
            ErpInvoiceRequest request = read(json);
            return new IssueInvoice.BatchItem(request.toSubmission(), request.embeddedCustomer(), null);
        } catch (RuntimeException refused) {
            return new IssueInvoice.BatchItem(null, null, refused);
        }
    }

    private static BatchResult.Item item(int index, IssueInvoice.BatchOutcome outcome) {
        if (outcome.rejection() != null) {
            return new BatchResult.Item(index, BatchResult.Outcome.REJECTED, null,
                    Problems.describe(outcome.rejection()).orElseGet(() -> internal(index, outcome.rejection())));
        }
        return new BatchResult.Item(index, outcome.outcome().created() ? BatchResult.Outcome.CREATED
                : BatchResult.Outcome.ALREADY_ISSUED, InvoiceResponse.of(outcome.outcome().invoice()), null);
    }

    private Uni<BatchResult.Item> item(int index, JsonNode json) {
        return Uni.createFrom().item(() -> read(json))
                .chain(this::issue)
                .map(outcome -> new BatchResult.Item(index, outcome.created() ? BatchResult.Outcome.CREATED
                        : BatchResult.Outcome.ALREADY_ISSUED, InvoiceResponse.of(outcome.invoice()), null))
                .onFailure().recoverWithItem(failure -> new BatchResult.Item(index, BatchResult.Outcome.REJECTED,
                        null, Problems.describe(failure).orElseGet(() -> internal(index, failure))));
    }

    private ErpInvoiceRequest read(JsonNode json) {
        try {
            return mapper.treeToValue(json, ErpInvoiceRequest.class);
        } catch (JsonMappingException e) {
            Problem.FieldError error = Problems.fieldError(e);
            throw new InvoiceRuleViolation(error.field(), error.rule());
        } catch (JsonProcessingException e) {
            throw new InvoiceRuleViolation("body", "must be a JSON object");
        }
    }

    private Uni<IssueInvoice.Outcome> issue(ErpInvoiceRequest request) {
        return Uni.createFrom().item(request::toSubmission)
                .chain(submission -> issueInvoice.issue(submission, request.embeddedCustomer()))
                // Two concurrent first submissions: the loser of the unique key sees the winner's invoice on retry.
                .onFailure(Problems::isUniqueViolation).retry().atMost(1);
    }

    private static Problem internal(int index, Throwable failure) {
        LOG.errorf(failure, "batch item %d failed unexpectedly", index);
        return new Problem("https://relance.io/problems/internal", "Internal error", 500,
                "the item could not be processed; retry it", List.of());
    }
}
