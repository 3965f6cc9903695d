package io.relance.kpi.api;

import io.relance.kpi.application.KpiNotReadyException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.NoSuchElementException;

/** Maps every failure a caller can meet to a problem document; nothing reaches the caller as a stack trace. */
public class Problems {

    private static final String BASE = "https://relance.io/problems/";

    @ServerExceptionMapper
    public Response badParameter(BadParameterException e) {
        return problem(400, "invalid-request", "Invalid request", e.getMessage(),
                List.of(new Problem.FieldError(e.parameter(), e.rule())));
    }

    @ServerExceptionMapper
    public Response notReady(KpiNotReadyException e) {
        return problem(503, "not-ready", "KPIs are not ready yet", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unknown(NoSuchElementException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return problem(404, "not-found", "Not found", e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(status, "http-" + status, known == null ? "Error" : known.getReasonPhrase(), e.getMessage(), List.of());
    }

    private static Response problem(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(BASE + type, title, status, detail, errors)).build();
    }
}
