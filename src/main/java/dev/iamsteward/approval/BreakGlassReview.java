package dev.iamsteward.approval;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/requests/{id}/break-glass/review}: what the reviewing approver concluded. */
@Schema(name = "BreakGlassReview", example = """
        {"comment": "Justified: INC-4711 was a real outage and the access was used only for it"}""")
public record BreakGlassReview(
        @NotBlank(message = "comment is required: say what the review concluded")
        @Size(max = 1000, message = "comment must be at most 1000 characters") String comment) {
}
