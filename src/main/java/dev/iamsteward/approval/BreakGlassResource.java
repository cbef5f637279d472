package dev.iamsteward.approval;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A requester breaks glass on their own request; an approver reviews it afterwards. */
@Path("/v1/requests/{id}/break-glass")
@Tag(name = "Approvals", description = "Decide on pending requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BreakGlassResource {

    private final BreakGlassService service;
    private final SecurityIdentity identity;

    BreakGlassResource(BreakGlassService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.REQUESTER, Roles.ADMIN})
    @Operation(operationId = "breakGlass",
            summary = "Approve one's own pending request by break-glass",
            description = "For when the rule's approvers cannot be reached and the rule allows break-glass to one "
                    + "of the caller's groups (see GET /v1/approval-rules, breakGlass). The request is approved and "
                    + "executed at once; the approvers and subscribers are told (event request.break-glass); what "
                    + "it grants is taken back when the rule's accessFor is up; an approver must review it within "
                    + "the rule's reviewWithin, or an overdue-review finding opens.")
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.HEADER_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = Idempotent.PATTERN))
    @APIResponse(responseCode = "200", description = "Approved by break-glass; the request as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = Idempotent.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.BOOLEAN))})
    @APIResponse(responseCode = "400", description = "No reason, or the body or the Idempotency-Key is invalid")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller did not submit the request, or its rule does not "
            + "allow break-glass to the caller or for its type (break-glass-not-allowed)")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "The request is no longer pending, or the first request with "
            + "this Idempotency-Key is still in progress")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the request")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request, or the "
            + "request's account is no longer a target account (account-removed)")
    public Response breakGlass(@PathParam("id") UUID id,
            @Parameter(description = "The request's ETag as the requester read it")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") BreakGlassRequest body) {
        RequestView view = service.breakGlass(id, body, Caller.of(identity), ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @POST
    @Path("/review")
    @Idempotent
    @RolesAllowed({Roles.APPROVER, Roles.ADMIN, Roles.REQUESTER})
    @Operation(operationId = "reviewBreakGlass",
            summary = "Review a break-glass approval afterwards",
            description = "Anyone the request's rule would have let decide, other than the requester, records "
                    + "their review once; it closes the request's overdue-review finding, if one opened.")
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.HEADER_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = Idempotent.PATTERN))
    @APIResponse(responseCode = "200", description = "The review is recorded; the request as it now is",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = Idempotent.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.BOOLEAN))})
    @APIResponse(responseCode = "400", description = "No comment, or the body or the Idempotency-Key is invalid")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller broke the glass, or the rule does not let them "
            + "decide on the request")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller may see")
    @APIResponse(responseCode = "409", description = "The request was not approved by break-glass, its "
            + "break-glass was already reviewed, or the first request with this Idempotency-Key is still in progress")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    @APIResponse(responseCode = "412", description = "If-Match names an older version of the request")
    public Response review(@PathParam("id") UUID id,
            @Parameter(description = "The request's ETag as the reviewer read it")
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull(message = "a JSON body is required") BreakGlassReview body) {
        RequestView view = service.review(id, body, Caller.of(identity), ifMatch);
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }
}
