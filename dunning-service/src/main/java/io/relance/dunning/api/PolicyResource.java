package io.relance.dunning.api;

import io.relance.dunning.application.ManagePolicies;
import io.relance.dunning.domain.Policy;
import io.relance.dunning.domain.Segment;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.net.URI;
import java.util.List;
import java.util.Map;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.COLLECTOR, Roles.MANAGER, Roles.ADMIN})
public class PolicyResource {

    /** Which policy a segment follows. */
    public record AssignmentRequest(@NotBlank String policyId) {
    }

    private final ManagePolicies policies;

    PolicyResource(ManagePolicies policies) {
        this.policies = policies;
    }

    @GET
    @Path("policies")
    @Operation(summary = "The latest version of every policy")
    public Uni<List<Policy>> current() {
        return policies.current();
    }

    @GET
    @Path("policies/{policyId}/versions")
    public Uni<List<Policy>> versions(@PathParam("policyId") String policyId) {
        return policies.versions(policyId).map(list -> {
            if (list.isEmpty()) {
                throw new NotFoundException("no policy " + policyId);
            }
            return list;
        });
    }

    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @PUT
    @Path("policies/{policyId}")
    @Operation(summary = "Store the next version of a policy (the first when it is new)")
    @APIResponse(responseCode = "201", description = "Stored; customers on this policy follow it from now on")
    @APIResponse(responseCode = "400", description = "Steps out of order, duplicate offsets, unknown channel…")
    public Uni<Response> define(@PathParam("policyId") String policyId, @Valid @NotNull PolicyRequest request) {
        return policies.define(policyId, request.name(), request.domainSteps(), request.sendsOnNonBusinessDays())
                .map(policy -> Response.created(URI.create("/policies/" + policy.id() + "/versions"))
                        .entity(policy).build());
    }

    @GET
    @Path("policy-assignments")
    public Uni<Map<Segment, String>> assignments() {
        return policies.assignments();
    }

    @RolesAllowed({Roles.MANAGER, Roles.ADMIN})
    @PUT
    @Path("policy-assignments/{segment}")
    @Operation(summary = "Assign a policy to a customer segment")
    public Uni<Response> assign(@PathParam("segment") Segment segment, @Valid @NotNull AssignmentRequest request) {
        return policies.assign(segment, request.policyId()).replaceWith(Response.noContent().build());
    }
}
