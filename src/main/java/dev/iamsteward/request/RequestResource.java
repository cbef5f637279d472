package dev.iamsteward.request;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.ETags;
import dev.iamsteward.common.EnumParameter;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import dev.iamsteward.common.StewardException;
import dev.iamsteward.idempotency.Idempotent;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.BeanParam;
import dev.iamsteward.common.Paging;

/** Submitting, finding and reading requests. */
@Path("/v1/requests")
@Tag(name = "Requests", description = "Ask for a change to IAM and follow it to its outcome")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestResource {

    private final RequestService service;
    private final RequestListing listing;
    private final SecurityIdentity identity;

    RequestResource(RequestService service, RequestListing listing, SecurityIdentity identity) {
        this.service = service;
        this.listing = listing;
        this.identity = identity;
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.REQUESTER, Roles.ADMIN})
    @Operation(operationId = "submitRequest",
            summary = "Submit a request; it waits for approval with its dry-run plan",
            description = "The request is put under the approval rule that matches its type and risk; a rule "
                    + "may approve it at once (e.g. deactivating a key of a user the requester owns).")
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = Idempotent.HEADER_DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = Idempotent.PATTERN))
    @APIResponse(responseCode = "202", description = "Accepted; Location names the request, ETag its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "Location", description = "The request",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotent-Replayed", description = Idempotent.REPLAYED_DESCRIPTION,
                            schema = @Schema(type = SchemaType.BOOLEAN))})
    @APIResponse(responseCode = "400", description = "The body or the Idempotency-Key is invalid, the account is "
            + "unknown, or none is named while the service acts on several")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not a requester")
    @APIResponse(responseCode = "404", description = "The user is not a managed user")
    @APIResponse(responseCode = "409", description = "IAM's state does not allow it, e.g. the user exists; or the "
            + "first request with this Idempotency-Key is still in progress")
    @APIResponse(responseCode = "422", description = "Unknown access profile, an approval rule that cannot be met "
            + "(e.g. it needs a manager the token does not name), or an Idempotency-Key used for another request")
    @APIResponse(responseCode = "502", description = "IAM refused a read the plan needs")
    @APIResponse(responseCode = "503", description = "IAM could not be reached; try again later")
    public Response submit(@Valid @NotNull(message = "a JSON body is required") SubmitRequest body,
            @Context UriInfo uri) {
        RequestView view = service.submit(body, Caller.of(identity));
        return Response.accepted(view).tag(ETags.of(view.version()))
                .location(uri.getAbsolutePathBuilder().path(view.id().toString()).build()).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "getRequest",
            summary = "One request: status, plan and its hash, approvals still needed, decisions, comments")
    @APIResponse(responseCode = "200", description = "The request; ETag is its version, for If-Match",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    @APIResponse(responseCode = "404", description = "No such request, or not one the caller may see")
    public Response get(@PathParam("id") UUID id) {
        RequestView view = service.get(id, Caller.of(identity));
        return Response.ok(view).tag(ETags.of(view.version())).build();
    }

    @GET
    @RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listRequests",
            summary = "Requests, newest first, a page at a time",
            description = "Requesters see their own, those about users they own and those of their reports. "
                    + "approvableBy=me lists the pending requests the caller can decide on now.")
    @APIResponse(responseCode = "200", description = "A page of requests; follow next for the following page")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    public Page<RequestView> list(
            @Parameter(description = "Only requests in this target account") @QueryParam("account")
            @Size(max = 64, message = "account must be at most 64 characters") String account,
            @Parameter(description = "Only requests in this status") @QueryParam("status") String status,
            @Parameter(description = "Only requests of this type") @QueryParam("type") String type,
            @Parameter(description = "Only requests about this user") @QueryParam("userName")
            @Size(max = 64, message = "userName must be at most 64 characters") String userName,
            @Parameter(description = "'me': only requests the caller can decide on now")
            @QueryParam("approvableBy") String approvableBy,
            @Valid @BeanParam Paging paging, @Context UriInfo uri) {
        if (approvableBy != null && !approvableBy.equals("me")) {
            throw StewardException.invalid("approvableBy must be 'me'");
        }
        RequestListing.Filter filter = new RequestListing.Filter(account,
                EnumParameter.parse(RequestStatus.class, "status", status),
                EnumParameter.parse(RequestType.class, "type", type), userName, approvableBy != null);
        return listing.list(Caller.of(identity), filter, paging, uri);
    }
}
