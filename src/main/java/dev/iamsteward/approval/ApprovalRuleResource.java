package dev.iamsteward.approval;

import dev.iamsteward.common.Roles;
import dev.iamsteward.request.ApprovalRequirement;
import dev.iamsteward.request.BreakGlassUse;
import dev.iamsteward.request.RequestService;
import dev.iamsteward.request.RequestType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Shows the approval rules, so that requesters know in advance what their request will need. */
@Path("/v1/approval-rules")
@Tag(name = "Approvals", description = "Decide on pending requests")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalRuleResource {

    private final ApprovalRules rules;

    ApprovalRuleResource(ApprovalRules rules) {
        this.rules = rules;
    }

    @GET
    @RolesAllowed({Roles.REQUESTER, Roles.APPROVER, Roles.ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listApprovalRules",
            summary = "The approval rules, and the service's own rules for rotating keys and ending time-bound "
            + "access",
            description = "A request is decided under the most specific rule that covers its type and risk.")
    @APIResponse(responseCode = "200", description = "The rules, by name")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "The caller has no role here")
    public List<ApprovalRuleView> list() {
        List<ApprovalRuleView> views = new ArrayList<>();
        rules.rules().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .forEach(e -> views.add(ApprovalRuleView.of(e.getKey(), e.getValue())));
        views.add(new ApprovalRuleView(RequestService.KEY_ROTATION_RULE, "The service makes a new access key for "
                + "a key older than the rotation's maximum age, then deactivates and deletes the old one, one step "
                + "at a time; nobody else can file requests under this rule", Set.of(),
                Set.of(RequestType.CREATE_ACCESS_KEY, RequestType.DEACTIVATE_ACCESS_KEY, RequestType.DELETE_ACCESS_KEY),
                Set.of(), 0, Set.of(), false, false, ApprovalRequirement.AutoApprove.ALWAYS, null));
        views.add(new ApprovalRuleView(RequestService.TIME_BOUND_RULE, "The service offboards a user, or deletes a "
                + "key, whose expiresAt has passed, and takes back what a break-glass approval granted once its time "
                + "is up; nobody else can file requests under this rule", Set.of(),
                new java.util.TreeSet<>(BreakGlassUse.timeBound().stream()
                        .map(t -> BreakGlassUse.revocation(t).orElseThrow()).toList()),
                Set.of(), 0, Set.of(), false, false, ApprovalRequirement.AutoApprove.ALWAYS, null));
        return views;
    }
}
