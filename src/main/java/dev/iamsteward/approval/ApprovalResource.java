package dev.iamsteward.approval;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ETags;
import dev.iamsteward.common.Roles;
import dev.iamsteward.idempotency.Idempotent;
import dev.iamsteward.request.RequestView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Approvers, and the owners or managers a rule names, approve or reject requests. */
@Path("/v1/requests/{id}/approvals")
@Tag(name = "Approvals", description = "Decide on pending requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalService service;
    private final SecurityIdentity identity;

    ApprovalResource(ApprovalService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.APPROVER, Roles.REQUESTER, Roles.ADMIN})
    @Operation(operationId = "decideOnRequest",
            summary = "Approve or reject a pending request",
            description = "An approval counts towards the quorum of the request's rule; the one that meets it "
                    + "queues execution. A rejection by anyone eligible ends the request. Name the planHash you "
                    + "read, so that a plan changed since is not approved by mistake.")
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.HEADER_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = Idempotent.PATTERN))
    @APIResponse(responseCode = "200", description = "The decision is recorded; the request as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = Idempotent.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.BOOLEAN))})
    @APIResponse(responseCode = "400", description = "The body or the Idempotency-Key is invalid")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller submitted the request, or the rule does not let "
            + "them decide")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "The request is no longer pending, the caller already decided, "
            + "the plan changed since the caller read it, or the first request with this Idempotency-Key is still "
            + "in progress")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the request")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request, or the "
            + "request's account is no longer a target account (account-removed)")
    public Response decide(@PathParam("id") UUID id,
            @Parameter(description = "The request's ETag as the approver read it")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") DecisionRequest body) {
        RequestView view = service.decide(id, body, Caller.of(identity), ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
