package dev.iamsteward.audit;

import dev.iamsteward.common.Page;
import dev.iamsteward.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import dev.iamsteward.common.Paging;

/** Reading the audit log and checking that nobody has changed it. */
@Path("/v1/audit")
@Tag(name = "Audit", description = "Every status change, step and secret delivery, in a hash chain")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    private final AuditService service;
    private final ChainVerifier verifier;

    AuditResource(AuditService service, ChainVerifier verifier) {
        this.service = service;
        this.verifier = verifier;
    }

    @GET
    @Operation(operationId = "listAuditRecords",
            summary = "Audit rows, newest first, a page at a time",
            description = "Newest first in the chain's order, which is the order rows were committed in: rows "
                    + "written while a client pages through appear above its first page, never in later ones.")
    @APIResponse(responseCode = "200", description = "A page of audit rows; pass its cursor back for the next one")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is neither an auditor nor an admin")
    public Page<AuditRecord> list(
            @Parameter(description = "Only rows about this request") @QueryParam("requestId") String requestId,
            @Parameter(description = "Only rows about this target account, by its id in the configuration, e.g. "
                    + "default; rows about no one account (and those written before rows named one) have none")
            @QueryParam("account") @Size(max = 64, message = "account must be at most 64 characters") String account,
            @Parameter(description = "Only rows by this caller") @QueryParam("actor") String actor,
            @Parameter(description = "Only rows of this action, e.g. request.approved") @QueryParam("action")
            String action,
            @Parameter(description = "Only rows at or after this instant, e.g. 2025-01-31T09:00:00Z")
            @QueryParam("since") String since,
            @Parameter(description = "Only rows before this instant") @QueryParam("until") String until,
            @Valid @BeanParam Paging paging, @Context UriInfo uri) {
        return service.list(AuditFilter.of(requestId, account, actor, action, since, until), paging, uri);
    }

    @GET
    @Path("verify")
    @Operation(operationId = "verifyAuditChain",
            summary = "Walk the hash chain from its first row and report the first row that does not hold",
            description = "Recomputes every row's hash and link to the row before it. Keep rowsChecked and "
                    + "lastHash: rows removed from the end of the chain are only seen against an earlier head.")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and where it breaks if not")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is neither an auditor nor an admin")
    public AuditVerification verify() {
        return verifier.verify();
    }
}
