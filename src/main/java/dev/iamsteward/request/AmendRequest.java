package dev.iamsteward.request;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /v1/requests/{id}}: the fields given replace the request's, the others stay. The
 * type and the user cannot change (that is another request); the result is checked like a submission.
 */
@Schema(name = "AmendRequest", example = """
        {"reason": "Console access for the data team's new analyst, ticket OPS-1234", "tags": {"team": "data"}}""")
public record AmendRequest(
        @Size(max = 512, message = "path must be at most 512 characters") String path,
        @Size(max = 256, message = "owner must be at most 256 characters") String owner,
        Instant expiresAt,
        String accessKeyId,
        @Size(max = 128, message = "profile must be at most 128 characters") String profile,
        Map<String, @NotNull(message = "a tag's value must be a string; to drop a tag, leave it out") String> tags,
        @Size(max = 1000, message = "reason must be at most 1000 characters") String reason) {

    /** The submission with this amendment applied. */
    SubmitRequest applyTo(SubmitRequest s) {
        return new SubmitRequest(s.account(), s.type(), s.userName(), or(path, s.path()), or(owner, s.owner()),
                or(expiresAt, s.expiresAt()), or(accessKeyId, s.accessKeyId()), or(profile, s.profile()),
                or(tags, s.tags()), or(reason, s.reason()));
    }

    boolean empty() {
        return path == null && owner == null && expiresAt == null && accessKeyId == null && profile == null
                && tags == null && reason == null;
    }

    private static <T> T or(T given, T current) {
        return given != null ? given : current;
    }
}
