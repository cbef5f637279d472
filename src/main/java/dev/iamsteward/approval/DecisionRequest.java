package dev.iamsteward.approval;

import dev.iamsteward.request.Decision;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/requests/{id}/approvals}. The approver is the caller, never a field. */
@Schema(name = "DecisionRequest", example = """
        {"decision": "APPROVE", "comment": "Matches ticket OPS-1234"}""")
public record DecisionRequest(
        @NotNull(message = "decision is required (APPROVE or REJECT)") Decision.Verdict decision,
        @Size(max = 1000, message = "comment must be at most 1000 characters") String comment,
        @Schema(description = "Optional: the planHash of the request as the approver read it (copy it from "
                + "GET /v1/requests/{id}); an approval naming an older hash is refused, so nobody approves a plan "
                + "they have not seen")
        @Pattern(regexp = "[0-9a-f]{64}", message = "planHash must be 64 lower-case hex digits") String planHash) {
}
