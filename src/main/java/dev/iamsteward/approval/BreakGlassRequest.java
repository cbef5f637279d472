package dev.iamsteward.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/requests/{id}/break-glass}: why the requester cannot wait for an approver. */
@Schema(name = "BreakGlassRequest", example = """
        {"reason": "Production outage INC-4711; both on-call approvers unreachable for 30 minutes"}""")
public record BreakGlassRequest(
        @NotBlank(message = "reason is required: say why the approvers cannot be waited for")
        @Size(max = 1000, message = "reason must be at most 1000 characters") String reason) {
}
