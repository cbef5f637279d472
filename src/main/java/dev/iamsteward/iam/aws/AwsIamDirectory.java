package dev.iamsteward.iam.aws;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.IamPage;
import dev.iamsteward.iam.IamUser;
import dev.iamsteward.iam.NewUser;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.CreateUserRequest;
import software.amazon.awssdk.services.iam.model.GetUserRequest;
import software.amazon.awssdk.services.iam.model.ListUsersRequest;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;

/** The IAM port over the AWS SDK v2: every call runs in a session on the broker role assumed with STS. */
@Singleton
@Typed(AwsIamDirectory.class)
public class AwsIamDirectory implements IamDirectory, AutoCloseable {

    private final IamClient iam;
    private final StsClient sts;
    private final StsSessions sessions;
    private final String target;

    @Inject
    public AwsIamDirectory(AwsConfig config) {
        String roleArn = config.roleArn().orElseThrow(() -> new IllegalStateException(
                "steward.aws.role-arn is required when steward.iam.backend=aws"));
        this.sts = AwsClients.sts(config);
        this.iam = AwsClients.iam(config);
        this.sessions = new StsSessions(sts, config, roleArn);
        this.target = "role " + roleArn + config.iamEndpoint().map(e -> " via " + e).orElse("");
    }

    @Override
    public IamUser createUser(NewUser user, Attribution attribution) {
        CreateUserRequest request = CreateUserRequest.builder()
                .userName(user.userName())
                .path(user.path())
                .permissionsBoundary(user.permissionsBoundaryArn())
                .tags(user.tags().entrySet().stream()
                        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
                        .toList())
                .overrideConfiguration(as(sessions.forAttribution(attribution)))
                .build();
        return call(() -> toUser(iam.createUser(request).user()));
    }

    @Override
    public Optional<IamUser> findUser(String userName) {
        GetUserRequest request = GetUserRequest.builder().userName(userName)
                .overrideConfiguration(as(sessions.service())).build();
        return call(() -> {
            try {
                return Optional.of(toUser(iam.getUser(request).user()));
            } catch (NoSuchEntityException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public IamPage<IamUser> listUsers(String pathPrefix, String marker, int maxItems) {
        ListUsersRequest request = ListUsersRequest.builder().pathPrefix(pathPrefix).marker(marker)
                .maxItems(maxItems).overrideConfiguration(as(sessions.service())).build();
        ListUsersResponse response = call(() -> iam.listUsers(request));
        return new IamPage<>(response.users().stream().map(AwsIamDirectory::toUser).toList(),
                Boolean.TRUE.equals(response.isTruncated()) ? Optional.ofNullable(response.marker())
                        : Optional.empty());
    }

    @Override
    public Backend backend() {
        return new Backend("aws", false, target);
    }

    @PreDestroy
    @Override
    public void close() {
        sessions.close();
        iam.close();
        sts.close();
    }

    private static AwsRequestOverrideConfiguration as(AwsCredentialsProvider credentials) {
        return AwsRequestOverrideConfiguration.builder().credentialsProvider(credentials).build();
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.translate(e);
        }
    }

    private static IamUser toUser(User user) {
        Map<String, String> tags = user.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value));
        return new IamUser(user.userName(), user.userId(), user.arn(), user.path(), user.createDate(),
                user.permissionsBoundary() == null ? null : user.permissionsBoundary().permissionsBoundaryArn(),
                tags);
    }
}
