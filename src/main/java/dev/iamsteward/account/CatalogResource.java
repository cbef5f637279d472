package dev.iamsteward.account;

import dev.iamsteward.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The catalog of access profiles requests may grant. */
@Path("/v1/access-profiles")
@Tag(name = "Catalog", description = "The allow-listed groups and managed policies")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
public class CatalogResource {

    private final Catalog catalog;
    private final TargetAccounts accounts;

    CatalogResource(Catalog catalog, TargetAccounts accounts) {
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GET
    @Operation(operationId = "listAccessProfiles",
            summary = "Every access profile an account offers: its groups, policies and risk")
    @APIResponse(responseCode = "200", description = "The account's catalog")
    @APIResponse(responseCode = "400", description = "No such account, or none named while there are several")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    public List<AccessProfile> list(@Parameter(description = "The target account; may be left out when there is "
            + "only one") @QueryParam("account") String account) {
        return catalog.all(accounts.resolve(account).settings());
    }
}
