package dev.iamsteward.user;

import dev.iamsteward.iam.IamUser;
import java.time.Instant;

/**
 * A managed user as one ListUsers page shows it. AWS's ListUsers returns neither tags nor the permissions
 * boundary, so against AWS {@code owner}, {@code expiresAt} and {@code createdByRequest} are null here; the
 * in-memory sandbox returns tags, so there they are filled. {@code GET /v1/users/{userName}} always has them.
 */
public record UserSummary(
        String userName,
        String arn,
        String path,
        Instant createdAt,
        String owner,
        Instant expiresAt,
        String createdByRequest) {

    static UserSummary of(IamUser user) {
        return new UserSummary(user.userName(), user.arn(), user.path(), user.createDate(),
                ManagedTags.owner(user.tags()), ManagedTags.expiresAt(user.tags()),
                ManagedTags.createdByRequest(user.tags()));
    }
}
