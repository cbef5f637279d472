package dev.iamsteward.user;

import dev.iamsteward.common.Page;
import dev.iamsteward.common.Caller;
import dev.iamsteward.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The users IAM Steward manages, as IAM reports them now. */
@Path("/v1/users")
@Tag(name = "Users", description = "The IAM users under the managed path")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
public class UserResource {

    private static final String ACCOUNT = "The target account; may be left out when there is only one";

    private final UserService service;
    private final SecurityIdentity identity;

    UserResource(UserService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listUsers",
            summary = "Managed users, a page at a time",
            description = "One IAM ListUsers page. Owner and expiry come from the user's tags, which AWS's "
                    + "ListUsers does not return: against AWS they are null here; ask for the user to see them.")
    @APIResponse(responseCode = "200", description = "A page of users; pass its cursor back for the next one")
    @APIResponse(responseCode = "400", description = "An invalid limit or cursor, an unknown account, or none "
            + "named while the service acts on several")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    @APIResponse(responseCode = "502", description = "IAM refused the listing")
    @APIResponse(responseCode = "503", description = "IAM could not be reached; try again later")
    public Page<UserSummary> list(@Parameter(description = ACCOUNT) @QueryParam("account") String account,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit, @Context UriInfo uri) {
        return service.list(account, cursor, limit, uri);
    }

    @GET
    @Path("{userName}")
    @Operation(operationId = "getUser",
            summary = "One managed user as IAM reports it now, and the requests that concern it",
            description = "Access keys with their last use, console access, MFA devices, groups, policies, tags "
                    + "and warnings such as console access without MFA; requests newest first.")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "400", description = "An invalid user name, an unknown account, or none named "
            + "while the service acts on several")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    @APIResponse(responseCode = "404", description = "No such user under the managed path")
    @APIResponse(responseCode = "502", description = "IAM refused one of the reads")
    @APIResponse(responseCode = "503", description = "IAM could not be reached; try again later")
    public UserView get(@Parameter(description = ACCOUNT) @QueryParam("account") String account,
            @PathParam("userName") String userName) {
        return service.get(account, userName, Caller.of(identity));
    }
}
