package io.relance.payment.api;

import io.relance.payment.config.PaymentConfig;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/** Refuses an oversized statement from its declared length, before a byte of it is read into memory. */
public class StatementSizeFilter {

    private final PaymentConfig config;

    StatementSizeFilter(PaymentConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseOversizedStatement(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !request.getUriInfo().getPath().startsWith("/statements")) {
            return null;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return null;
        }
        if (length <= config.statementMaxBytes()) {
            return null;
        }
        String rule = "must be at most " + config.statementMaxBytes() + " bytes, got " + length;
        return Problems.problem(413, "statement-too-large", "Bank statement refused; nothing was imported",
                "file " + rule, List.of(new Problem.FieldError("file", rule)));
    }
}
