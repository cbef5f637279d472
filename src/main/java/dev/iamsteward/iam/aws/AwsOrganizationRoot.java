package dev.iamsteward.iam.aws;

import static dev.iamsteward.iam.aws.IamCalls.call;

import dev.iamsteward.iam.Attribution;
import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import dev.iamsteward.iam.OrganizationConfig;
import dev.iamsteward.iam.OrganizationFeature;
import dev.iamsteward.iam.OrganizationRoot;
import dev.iamsteward.iam.RootSession;
import dev.iamsteward.iam.RootTask;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRootRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * Centralized root access through the AWS SDK: the service assumes the organization role in the management (or
 * delegated) account, in a session named after the request it serves, and from there calls AssumeRoot on the
 * Regional STS endpoint; IAM calls in the root session are signed with the temporary credentials it returns.
 */
public final class AwsOrganizationRoot implements OrganizationRoot, AutoCloseable {

    /** The SDK's region name for STS's global endpoint. */
    static final String GLOBAL_REGION = "aws-global";

    private final OrganizationConfig config;
    private final StsClient sts;
    private final IamClient iam;
    private final StsSessions sessions;

    public AwsOrganizationRoot(OrganizationConfig config, AwsConfig aws, OpenTelemetry telemetry) {
        this.config = config;
        String roleArn = config.roleArn().orElseThrow(() -> new IllegalStateException(
                "steward.organization.role-arn is required with steward.organization.account-id on the aws backend"));
        if (config.region() == null || config.region().equals(GLOBAL_REGION)) {
            throw new IllegalStateException("steward.organization.region must be a region: AssumeRoot is refused "
                    + "on STS's global endpoint");
        }
        this.sts = AwsClients.sts(aws, telemetry, config.region(), config.stsEndpoint());
        this.iam = AwsClients.iam(aws, telemetry, config.region(), config.iamEndpoint());
        this.sessions = new StsSessions(sts, aws, roleArn, config.externalId());
    }

    @Override
    public Set<OrganizationFeature> enabledFeatures() {
        Set<OrganizationFeature> enabled = EnumSet.noneOf(OrganizationFeature.class);
        call(() -> iam.listOrganizationsFeatures(r -> r.overrideConfiguration(o -> o.credentialsProvider(
                sessions.service())))).enabledFeaturesAsStrings()
                .forEach(name -> OrganizationFeature.ofAwsName(name).ifPresent(enabled::add));
        return enabled;
    }

    @Override
    public RootSession assumeRoot(String memberAccountId, RootTask task, Duration duration,
            Attribution attribution) {
        if (duration.compareTo(MAX_SESSION) > 0 || duration.toSeconds() < 1) {
            throw new IamException.InvalidInput("a root session lasts 1 to 900 seconds, not " + duration);
        }
        AssumeRootRequest request = request(memberAccountId, task, duration, attribution);
        Credentials credentials = call(() -> sts.assumeRoot(request)).credentials();
        return new AwsRootSession(iam, memberAccountId, task, credentials.expiration(),
                StaticCredentialsProvider.create(AwsSessionCredentials.builder()
                        .accessKeyId(credentials.accessKeyId()).secretAccessKey(credentials.secretAccessKey())
                        .sessionToken(credentials.sessionToken()).expirationTime(credentials.expiration()).build()));
    }

    /** The AssumeRoot call, made in the request's session of the organization role (the service's for none). */
    AssumeRootRequest request(String memberAccountId, RootTask task, Duration duration, Attribution attribution) {
        return AssumeRootRequest.builder().targetPrincipal(memberAccountId)
                .taskPolicyArn(PolicyDescriptorType.builder().arn(task.policyArn()).build())
                .durationSeconds((int) duration.toSeconds())
                .overrideConfiguration(o -> o.credentialsProvider(attribution == null ? sessions.service()
                        : sessions.forAttribution(attribution)))
                .build();
    }

    @Override
    public IamDirectory.Backend backend() {
        return new IamDirectory.Backend("aws", false, "organization root access from account "
                + config.accountId().orElse("?") + " via STS in " + config.region());
    }

    @Override
    public void close() {
        sessions.close();
        iam.close();
        sts.close();
    }
}
