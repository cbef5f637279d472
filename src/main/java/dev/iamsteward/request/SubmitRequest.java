package dev.iamsteward.request;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/requests}. The requester is the caller, never a field. */
@Schema(name = "SubmitRequest", example = """
        {"type": "CREATE_USER", "userName": "alice", "path": "/iam-steward/data-team/",
         "tags": {"team": "data"}, "reason": "Console access for the data team's new analyst"}""")
public record SubmitRequest(
        @NotNull(message = "type is required") RequestType type,
        @NotNull(message = "userName is required")
        @Pattern(regexp = "[\\w+=,.@-]{1,64}",
                message = "userName must be 1 to 64 letters, digits or any of + = , . @ _ -") String userName,
        @Size(max = 512, message = "path must be at most 512 characters") String path,
        @Size(max = RequestPlanner.USER_TAGS_MAX, message = "at most " + RequestPlanner.USER_TAGS_MAX + " tags")
        Map<String, String> tags,
        @NotBlank(message = "reason is required")
        @Size(max = 1000, message = "reason must be at most 1000 characters") String reason) {

    public Map<String, String> tagsOrEmpty() {
        return tags == null ? Map.of() : tags;
    }
}
