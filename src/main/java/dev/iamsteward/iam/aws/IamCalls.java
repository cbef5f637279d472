package dev.iamsteward.iam.aws;

import dev.iamsteward.iam.Attribution;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What every part of the AWS adapter shares: the IAM client, the broker-role session each call runs in (the
 * request's own for writes, the service's for reads) and the translation of SDK failures.
 */
final class IamCalls implements AutoCloseable {

    /** Overrides the client's retry strategy for one call: a single attempt. */
    static final SdkPlugin ATTEMPT_ONCE = config -> config.overrideConfiguration(
            c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()));

    private final StsClient sts;
    private final IamClient iam;
    private final StsSessions sessions;
    private final boolean ownsClients;
    private final String roleArn;

    /** Calls over clients of their own, closed with them. */
    IamCalls(AwsConfig config, String roleArn, OpenTelemetry telemetry) {
        this.sts = AwsClients.sts(config, telemetry);
        this.iam = AwsClients.iam(config, telemetry);
        this.sessions = new StsSessions(sts, config, roleArn);
        this.ownsClients = true;
        this.roleArn = roleArn;
    }

    /** Calls in one target account, over clients shared with the other accounts' calls, which close them. */
    IamCalls(StsClient sts, IamClient iam, AwsConfig config, String roleArn, Optional<String> externalId) {
        this.sts = sts;
        this.iam = iam;
        this.sessions = new StsSessions(sts, config, roleArn, externalId);
        this.ownsClients = false;
        this.roleArn = roleArn;
    }

    /** The broker role every call runs in a session of. */
    String roleArn() {
        return roleArn;
    }

    IamClient client() {
        return iam;
    }

    /** STS on the base credentials, the ones the broker role is assumed with. */
    StsClient sts() {
        return sts;
    }

    /** Runs a write in the session of the request it serves, so CloudTrail names the request. */
    AwsRequestOverrideConfiguration as(Attribution attribution) {
        return AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(sessions.forAttribution(attribution)).build();
    }

    /**
     * Runs a write that makes a secret or a device in the request's session, attempted once: an SDK retry after a
     * lost answer would make a second one whose secret nobody has. The step reconciles with IAM instead.
     */
    AwsRequestOverrideConfiguration creating(Attribution attribution) {
        return AwsRequestOverrideConfiguration.builder()
                .credentialsProvider(sessions.forAttribution(attribution))
                .addPlugin(ATTEMPT_ONCE).build();
    }

    /** Runs a read in the service's own session. */
    AwsRequestOverrideConfiguration asService() {
        return AwsRequestOverrideConfiguration.builder().credentialsProvider(sessions.service()).build();
    }

    /** The call's result; SDK failures (including those while paging) become {@code IamException}s. */
    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw AwsErrors.translate(e);
        }
    }

    static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /** As {@link #call}, with NoSuchEntity meaning "there is none". */
    static <T> Optional<T> find(Supplier<T> call) {
        return call(() -> {
            try {
                return Optional.of(call.get());
            } catch (NoSuchEntityException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        sessions.close();
        if (ownsClients) {
            iam.close();
            sts.close();
        }
    }
}
