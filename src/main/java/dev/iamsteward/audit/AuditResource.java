package dev.iamsteward.audit;

import dev.iamsteward.common.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Checking that nobody has changed the audit log. */
@Path("/v1/audit")
@Tag(name = "Audit", description = "Every status change, step and secret delivery, in a hash chain")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUDITOR, Roles.ADMIN})
public class AuditResource {

    private final ChainVerifier verifier;

    AuditResource(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    @GET
    @Path("verify")
    @Operation(summary = "Walk the hash chain from its first row and report the first row that does not hold",
            description = "Recomputes every row's hash and link to the row before it. Keep rowsChecked and "
                    + "lastHash: rows removed from the end of the chain are only seen against an earlier head.")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and where it breaks if not")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller is neither an auditor nor an admin")
    public AuditVerification verify() {
        return verifier.verify();
    }
}
