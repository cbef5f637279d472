package dev.iamsteward.user;

import dev.iamsteward.iam.IamUser;
import dev.iamsteward.request.RequestPlanner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A managed IAM user as IAM reports it now, with the requests of this service that concern it. */
public record UserView(
        String userName,
        String arn,
        String path,
        Instant createdAt,
        String permissionsBoundaryArn,
        Map<String, String> tags,
        String createdByRequest,
        List<UUID> requests) {

    static UserView of(IamUser user, List<UUID> requests) {
        return new UserView(user.userName(), user.arn(), user.path(), user.createDate(),
                user.permissionsBoundaryArn(), user.tags(), user.tags().get(RequestPlanner.REQUEST_TAG), requests);
    }
}
