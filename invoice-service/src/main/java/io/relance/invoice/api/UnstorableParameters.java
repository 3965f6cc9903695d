package io.relance.invoice.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Path and query parameters holding the NUL character are refused, naming the parameter: PostgreSQL cannot compare
 * text with it, so such a lookup used to end in a 500.
 */
public class UnstorableParameters {

    @ServerRequestFilter
    public Optional<Response> refuseNul(ContainerRequestContext request) {
        Optional<String> bad = withNul(request.getUriInfo().getPathParameters())
                .or(() -> withNul(request.getUriInfo().getQueryParameters()));
        return bad.map(name -> Response.status(400).type(Problem.MEDIA_TYPE).entity(new Problem(
                Problems.BASE + "invalid-request", "Invalid request", 400, name + " " + InputBounds.NUL_RULE,
                List.of(new Problem.FieldError(name, InputBounds.NUL_RULE)))).build());
    }

    private static Optional<String> withNul(MultivaluedMap<String, String> parameters) {
        return parameters.entrySet().stream()
                .filter(entry -> entry.getValue().stream().anyMatch(value -> value != null && value.indexOf('\u0000') >= 0))
                .map(Map.Entry::getKey).findFirst();
    }
}
