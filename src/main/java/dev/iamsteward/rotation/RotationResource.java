package dev.iamsteward.rotation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import dev.iamsteward.request.FiledRequest;
import dev.iamsteward.request.RequestView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import dev.iamsteward.common.Paging;

/** Access key rotations: where each is, and rolling one back. */
@Path("/v1/rotations")
@Tag(name = "Rotations", description = "Usage-aware rotation of access keys older than the maximum age")
@Produces(MediaType.APPLICATION_JSON)
public class RotationResource {

    private final RotationService service;
    private final SecurityIdentity identity;

    RotationResource(RotationService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
    @Operation(operationId = "listRotations",
            summary = "Key rotations, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of rotations; follow next for the following page")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is neither an auditor nor an admin")
    public Page<RotationView> list(
            @Parameter(description = "Only rotations of this user's keys") @QueryParam("userName")
            @Size(max = 64, message = "userName must be at most 64 characters") String userName,
            @Parameter(description = "Only rotations of this old key, each time it was rotated")
            @QueryParam("accessKeyId")
            @Size(max = 128, message = "accessKeyId must be at most 128 characters") String accessKeyId,
            @Valid @BeanParam Paging paging, @Context UriInfo uri) {
        return service.list(userName, accessKeyId, paging, uri);
    }

    @POST
    @Path("{id}/rollback")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "rollbackRotation",
            summary = "Roll a rotation back: file the reactivation of its old key, as the caller",
            description = "Possible while the old key is deactivated and not yet deleted. The request waits for "
                    + "approval like any other.")
    @APIResponse(responseCode = "202", description = "Accepted; Location names the request filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RequestView.class)),
            headers = {@Header(name = "Location", description = "The request filed",
                            schema = @Schema(type = SchemaType.STRING, format = "uri")),
                    @Header(name = "ETag", description = "The request's version, for If-Match",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "404", description = "No such rotation")
    @APIResponse(responseCode = "409", description = "The rotation's old key is not deactivated, or is deleted")
    @APIResponse(responseCode = "503", description = "IAM could not be reached; try again later")
    public Response rollback(@PathParam("id") UUID id, @Context UriInfo uri) {
        RequestView filed = service.rollback(id, Caller.of(identity));
        return FiledRequest.accepted(filed, uri);
    }
}
