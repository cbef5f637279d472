package dev.iamsteward.rotation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import jakarta.ws.rs.BeanParam;
import dev.iamsteward.common.Paging;

/** Exemptions from key rotation, for a user of one account or one of its keys, until they expire. Admins only. */
@Path("/v1/rotations/exemptions")
@Tag(name = "Rotations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RotationExemptionResource {

    private final RotationExemptions exemptions;
    private final SecurityIdentity identity;

    RotationExemptionResource(RotationExemptions exemptions, SecurityIdentity identity) {
        this.exemptions = exemptions;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createRotationExemption",
            summary = "Exempt a user, or one of its access keys, from rotation until a date",
            description = "The sweep skips exempt keys of the user in the exemption's account, and counts them; an "
                    + "expired exemption no longer applies.")
    @APIResponse(responseCode = "201", description = "Created; Location names the exemption",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExemptionView.class)),
            headers = {@Header(name = "Location", description = "The exemption",
                            schema = @Schema(type = SchemaType.STRING, format = "uri"))})
    @APIResponse(responseCode = "400", description = "Invalid input, an expiry in the past or beyond the maximum, "
            + "an unknown account, or none named while there are several")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "404", description = "No such managed user, or no such key of the user")
    @APIResponse(responseCode = "503", description = "IAM could not be reached; try again later")
    public Response create(@Valid @NotNull(message = "a body is required") ExemptionRequest request,
            @Context UriInfo uri) {
        ExemptionView made = exemptions.create(request, Caller.of(identity));
        return Response.created(uri.getAbsolutePathBuilder().path(made.id().toString()).build()).entity(made)
                .build();
    }

    @GET
    @Operation(operationId = "listRotationExemptions",
            summary = "Exemptions from rotation, expired ones too, newest first, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of exemptions; follow next for the following page")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor, or an unknown account")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    public Page<ExemptionView> list(
            @Parameter(description = "Only exemptions in this target account") @QueryParam("account")
            @Size(max = 64, message = "account must be at most 64 characters") String account,
            @Valid @BeanParam Paging paging, @Context UriInfo uri) {
        return exemptions.list(account, paging, uri);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteRotationExemption",
            summary = "End an exemption before its expiry")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is not an admin")
    @APIResponse(responseCode = "404", description = "No such exemption")
    public Response delete(@PathParam("id") UUID id) {
        exemptions.delete(id, Caller.of(identity));
        return Response.noContent().build();
    }
}
