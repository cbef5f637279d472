package dev.iamsteward.iam;

import java.time.Instant;
import java.util.Map;

/** An IAM user as IAM reports it. */
public record IamUser(
        String userName,
        String userId,
        String arn,
        String path,
        Instant createDate,
        String permissionsBoundaryArn,
        Map<String, String> tags) {

    public IamUser {
        tags = Map.copyOf(tags);
    }
}
