package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;
import static dev.iamsteward.iam.aws.IamCalls.find;
import static dev.iamsteward.iam.aws.IamCalls.run;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;

/** Users themselves: create, read, list, tag, delete, and the permissions boundary. */
final class AwsUsers {

    private final IamCalls calls;
    private final IamClient iam;

    AwsUsers(IamCalls calls) {
        this.calls = calls;
        this.iam = calls.client();
    }

    IamUser createUser(NewUser user, Attribution attribution) {
        return call(() -> toUser(iam.createUser(r -> r.userName(user.userName())
                .path(user.path())
                .permissionsBoundary(user.permissionsBoundaryArn())
                .tags(tags(user.tags()))
                .overrideConfiguration(calls.as(attribution))).user()));
    }

    Optional<IamUser> findUser(String userName) {
        return find(() -> toUser(iam.getUser(r -> r.userName(userName)
                .overrideConfiguration(calls.asService())).user()));
    }

    IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems) {
        ListUsersResponse response = call(() -> iam.listUsers(r -> r.pathPrefix(pathPrefix).marker(marker)
                .maxItems(maxItems).overrideConfiguration(calls.asService())));
        return new IamPage<>(response.users().stream().map(AwsUsers::toUser).toList(),
                Boolean.TRUE.equals(response.isTruncated()) ? Optional.ofNullable(response.marker())
                        : Optional.empty());
    }

    void tagUser(String userName, Map<String, String> tags, Attribution attribution) {
        run(() -> iam.tagUser(r -> r.userName(userName).tags(tags(tags))
                .overrideConfiguration(calls.as(attribution))));
    }

    void deleteUser(String userName, Attribution attribution) {
        run(() -> iam.deleteUser(r -> r.userName(userName).overrideConfiguration(calls.as(attribution))));
    }

    void deleteUserPermissionsBoundary(String userName, Attribution attribution) {
        run(() -> iam.deleteUserPermissionsBoundary(r -> r.userName(userName)
                .overrideConfiguration(calls.as(attribution))));
    }

    private static List<Tag> tags(Map<String, String> tags) {
        return tags.entrySet().stream()
                .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                .toList();
    }

    private static IamUser toUser(User user) {
        Map<String, String> tags = user.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
        return new IamUser(user.userName(), user.userId(), user.arn(), user.path(), user.createDate(),
                user.permissionsBoundary() == null ? null : user.permissionsBoundary().permissionsBoundaryArn(),
                tags);
    }
}
