package dev.iamsteward.approval;

import dev.iamsteward.request.Decision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/requests/{id}/approvals}. The approver is the caller, never a field. */
@Schema(name = "DecisionRequest", example = """
        {"decision": "APPROVE", "comment": "Matches ticket OPS-1234"}""")
public record DecisionRequest(
        @NotNull(message = "decision is required (APPROVE or REJECT)") Decision.Verdict decision,
        @Size(max = 1000, message = "comment must be at most 1000 characters") String comment) {
}
