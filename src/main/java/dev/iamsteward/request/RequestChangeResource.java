package dev.iamsteward.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ETags;
import dev.iamsteward.common.Roles;
import dev.iamsteward.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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

/** Changing a request while it waits for approval, and commenting on it. */
@Path("/v1/requests/{id}")
@Tag(name = "Requests", description = "Ask for a change to IAM and follow it to its outcome")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "404", description = "No such request, or not one the caller may see")
public class RequestChangeResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final RequestChanges changes;
    private final SecurityIdentity identity;

    RequestChangeResource(RequestChanges changes, SecurityIdentity identity) {
        this.changes = changes;
        this.identity = identity;
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @RolesAllowed({Roles.REQUESTER, Roles.ADMIN})
    @Operation(operationId = "amendRequest",
            summary = "Change a pending request; approvals given so far are void",
            description = "The fields given replace the request's; the request is checked and planned again. "
                    + "Each voided decision says why.")
    @APIResponse(responseCode = "200", description = "The changed request",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = "The body is invalid, or names no field")
    @APIResponse(responseCode = "403", description = "The caller did not submit the request")
    @APIResponse(responseCode = "409", description = "The request is no longer pending, or IAM's state refuses it")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the request")
    @APIResponse(responseCode = "422", description = "Unknown access profile, an approval rule that cannot be met, or "
            + "the request's account is no longer a target account")
    public Response amend(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(
            description = "The request's ETag as the caller read it") String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") AmendRequest body) {
        return tagged(changes.amend(id, body, Caller.of(identity), ifMatch));
    }

    @POST
    @Path("plan")
    @RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Operation(operationId = "replanRequest",
            summary = "Make the plan of a pending request again against IAM as it is now",
            description = "Approvals are voided only if the plan changed.")
    @APIResponse(responseCode = "200", description = "The request with its new plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = "Only the requester, approvers and admins may re-plan")
    @APIResponse(responseCode = "409", description = "The request is no longer pending, or IAM's state refuses it")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the request")
    @APIResponse(responseCode = "422", description = "The request's account is no longer a target account")
    public Response replan(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(changes.replan(id, Caller.of(identity), ifMatch));
    }

    @POST
    @Path("cancel")
    @RolesAllowed({Roles.REQUESTER, Roles.ADMIN})
    @Operation(operationId = "cancelRequest",
            summary = "Withdraw a pending request")
    @APIResponse(responseCode = "200", description = "The request, now CANCELLED",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = "The caller did not submit the request")
    @APIResponse(responseCode = "409", description = "The request is no longer pending")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the request")
    public Response cancel(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return tagged(changes.cancel(id, Caller.of(identity), ifMatch));
    }

    @POST
    @Path("comments")
    @Idempotent
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN})
    @Operation(operationId = "commentOnRequest",
            summary = "Comment on a request", description = "The requester, the user's owner, the requester's "
            + "manager, approvers and admins may comment, at any stage.")
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.HEADER_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = Idempotent.PATTERN))
    @APIResponse(responseCode = "201", description = "The comment is added; the request with its comments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = Idempotent.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.BOOLEAN))})
    @APIResponse(responseCode = "400", description = "The body or the Idempotency-Key is invalid")
    @APIResponse(responseCode = "403", description = "The caller is not involved in the request")
    @APIResponse(responseCode = "409", description = "The first request with this Idempotency-Key is still in "
            + "progress")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response comment(@PathParam("id") UUID id,
            @Valid @NotNull(message = "a JSON body is required") CommentRequest body) {
        RequestView view = changes.comment(id, body, Caller.of(identity));
        return Response.status(Response.Status.CREATED).entity(view).tag(ETags.of(view.version())).build();
    }

    private static Response tagged(RequestView view) {
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
