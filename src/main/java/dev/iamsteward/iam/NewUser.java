package dev.iamsteward.iam;

import java.util.Map;

/** What CreateUser is given: every user gets a path and a permissions boundary. */
public record NewUser(String userName, String path, String permissionsBoundaryArn, Map<String, String> tags) {

    public NewUser {
        tags = Map.copyOf(tags);
    }
}
