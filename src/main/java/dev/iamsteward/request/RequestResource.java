package dev.iamsteward.request;

import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Roles;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Submitting and reading requests. */
@Path("/v1/requests")
@Tag(name = "Requests", description = "Ask for a change to IAM and follow it to its outcome")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService service;
    private final SecurityIdentity identity;

    RequestResource(RequestService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.REQUESTER, Roles.ADMIN})
    @Operation(summary = "Submit a request; it waits for approval with its dry-run plan")
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "202", description = "Accepted; Location names the request")
    @APIResponse(responseCode = "400", description = "The body or the Idempotency-Key is invalid")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not a requester")
    @APIResponse(responseCode = "409", description = "IAM already has a user of that name, or the first request "
            + "with this Idempotency-Key is still in progress")
    @APIResponse(responseCode = "422", description = "An unknown access profile, or the Idempotency-Key was used "
            + "for a different request")
    public Response submit(@Valid @NotNull(message = "a JSON body is required") SubmitRequest body,
            @Context UriInfo uri) {
        RequestView view = service.submit(body, Caller.of(identity));
        return Response.accepted(view).location(uri.getAbsolutePathBuilder().path(view.id().toString()).build())
                .build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "One request: status, plan, decisions and outcome")
    @APIResponse(responseCode = "200", description = "The request")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller may see")
    public RequestView get(@PathParam("id") UUID id) {
        return service.get(id, Caller.of(identity));
    }

    @GET
    @RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(summary = "Requests, newest first; requesters see their own")
    @APIResponse(responseCode = "200", description = "The requests")
    @APIResponse(responseCode = "400", description = "An invalid filter")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    public List<RequestView> list(@QueryParam("status") String status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return service.list(Caller.of(identity), Optional.ofNullable(status).map(RequestResource::status), limit);
    }

    private static RequestStatus status(String name) {
        try {
            return RequestStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw StewardException.invalid("status must be one of " + Arrays.toString(RequestStatus.values()));
        }
    }
}
