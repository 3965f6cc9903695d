package io.relance.payment.api;

import io.relance.payment.application.ImportStatement;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/statements")
public class StatementResource {

    private final ImportStatement importStatement;

    StatementResource(ImportStatement importStatement) {
        this.importStatement = importStatement;
    }

    @POST
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.ERP, Roles.ADMIN})
    @Operation(summary = "Import an ISO 20022 camt.053.001.08 statement or camt.054.001.08 notification; re-importing changes nothing")
    @APIResponse(responseCode = "200", description = "Imported: payments recorded and matched, returned direct debits reversed")
    @APIResponse(responseCode = "400", description = "Refused whole (not camt, DOCTYPE/entities, malformed): nothing imported")
    @APIResponse(responseCode = "413", description = "Larger than relance.payment.statement-max-bytes: nothing imported")
    public Uni<ImportStatement.Report> upload(byte[] xml) {
        return importStatement.importFile(xml);
    }
}
