package dev.iamsteward.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/requests/{id}/comments}. The author is the caller, never a field. */
@Schema(name = "CommentRequest", example = """
        {"text": "Which ticket is this for?"}""")
public record CommentRequest(
        @NotBlank(message = "text is required")
        @Size(max = 2000, message = "text must be at most 2000 characters") String text) {
}
