package dev.iamsteward.user;

import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The users IAM Steward manages, as IAM reports them now. */
@Path("/v1/users")
@Tag(name = "Users", description = "The IAM users under the managed path")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
public class UserResource {

    private final UserService service;

    UserResource(UserService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "Managed users, a page at a time")
    @APIResponse(responseCode = "200", description = "A page of users; pass its cursor back for the next one")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    public Page<UserView> list(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return service.list(cursor, limit);
    }

    @GET
    @Path("{userName}")
    @Operation(summary = "One managed user and the requests that concern it")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "400", description = "An invalid user name")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    @APIResponse(responseCode = "404", description = "No such user under the managed path")
    public UserView get(@PathParam("userName") String userName) {
        return service.get(userName);
    }
}
