package io.relance.dunning.api;

import io.relance.dunning.domain.DunningRuleViolation;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Path and query parameters end up in SQL and logs: one no caller sends (a control character, which PostgreSQL
 * cannot even store when it is NUL, or a value longer than any identifier) is refused before any work.
 */
public class ParameterGuard {

    /** Longer than any customer id, policy id, cursor or date a caller has reason to send. */
    static final int MAX_LENGTH = 200;

    @ServerRequestFilter
    public void refuseHostileParameters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters());
        check(request.getUriInfo().getQueryParameters());
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.length() > MAX_LENGTH) {
                    throw new DunningRuleViolation(parameter.getKey(), "must be at most " + MAX_LENGTH + " characters");
                }
                if (value.codePoints().anyMatch(Character::isISOControl)) {
                    throw new DunningRuleViolation(parameter.getKey(), "must not contain control characters");
                }
            }
        }
    }
}
