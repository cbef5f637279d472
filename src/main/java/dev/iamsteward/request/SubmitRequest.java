package dev.iamsteward.request;

import dev.iamsteward.common.StewardException;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /v1/requests}. The requester is the caller, never a field. */
@Schema(name = "SubmitRequest", example = """
        {"type": "CREATE_USER", "userName": "data-analyst-1", "path": "/iam-steward/data-team/",
         "owner": "alice", "tags": {"team": "data"}, "reason": "Console access for the data team's new analyst"}""")
public record SubmitRequest(
        @Schema(description = "The target account: the id of one of the service's configured accounts "
                + "(steward.accounts.<id>); may be left out when there is only one")
        @Size(max = 64, message = "account must be at most 64 characters") String account,
        @NotNull(message = "type is required") RequestType type,
        @NotNull(message = "userName is required")
        @Pattern(regexp = "(?!\\.{1,2}$)[\\w+=,.@-]{1,64}",
                message = "userName must be 1 to 64 letters, digits or any of + = , . @ _ -, and not '.' or '..', "
                        + "which no URL can name") String userName,
        @Schema(description = "CREATE_USER: an IAM path below the managed path")
        @Size(max = 512, message = "path must be at most 512 characters") String path,
        @Schema(description = "CREATE_USER: the person accountable for the user, who receives its secrets; "
                + "the requester when absent")
        @Size(max = 256, message = "owner must be at most 256 characters") String owner,
        @Schema(description = "CREATE_USER: when the user is offboarded; CREATE_ACCESS_KEY: when the key is "
                + "deleted; ALLOW_ROOT_PASSWORD_RECOVERY (required): when the recovery window ends and the root "
                + "user's credentials are deleted. The service files that request by itself at this time")
        Instant expiresAt,
        @Schema(description = "DEACTIVATE_, REACTIVATE_, DELETE_ and ROTATE_ACCESS_KEY: the key")
        @Pattern(regexp = "[A-Z0-9]{16,128}", message = "accessKeyId must be 16 to 128 upper-case letters or "
                + "digits") String accessKeyId,
        @Schema(description = "ADD_TO_GROUP, REMOVE_FROM_GROUP, ATTACH_POLICY, DETACH_POLICY: an access profile "
                + "of the catalog (GET /v1/access-profiles)")
        @Size(max = 128, message = "profile must be at most 128 characters") String profile,
        @Schema(description = "CREATE_USER: tags for the user")
        @Size(max = RequestPlanner.USER_TAGS_MAX, message = "at most " + RequestPlanner.USER_TAGS_MAX + " tags")
        Map<String, @NotNull(message = "a tag's value must be a string; to drop a tag, leave it out") String> tags,
        @NotBlank(message = "reason is required")
        @Size(max = 1000, message = "reason must be at most 1000 characters") String reason) {

    public Map<String, String> tagsOrEmpty() {
        return tags == null ? Map.of() : tags;
    }

    /** Refuses fields that mean nothing for this request's type, rather than ignoring them silently. */
    void refuseFieldsOfOtherTypes() {
        if (type != RequestType.CREATE_USER && (path != null || owner != null || tags != null)) {
            throw StewardException.invalid("path, owner and tags apply only to CREATE_USER");
        }
        if (expiresAt != null && !type.timeBound()) {
            throw StewardException.invalid("expiresAt applies only to CREATE_USER, CREATE_ACCESS_KEY and "
                    + "ALLOW_ROOT_PASSWORD_RECOVERY");
        }
        if (expiresAt == null && type == RequestType.ALLOW_ROOT_PASSWORD_RECOVERY) {
            throw StewardException.invalid("ALLOW_ROOT_PASSWORD_RECOVERY needs expiresAt: the end of the recovery "
                    + "window, when the service deletes the root user's credentials again");
        }
        if (accessKeyId != null && !type.concernsOneKey()) {
            throw StewardException.invalid("accessKeyId applies only to requests about one access key");
        }
        if (profile == null && type.concernsProfile()) {
            throw StewardException.invalid(type + " needs a profile: name one of the catalog's access profiles "
                    + "(GET /v1/access-profiles)");
        }
        if (profile != null && !type.concernsProfile()) {
            throw StewardException.invalid("profile applies only to group and policy requests");
        }
    }
}
