package dev.iamsteward.iam.aws;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How the AWS adapter reaches IAM: the broker role it assumes with STS, and endpoint overrides. */
@ConfigMapping(prefix = "steward.aws")
public interface AwsConfig {

    /** Region for STS, and the signing region for IAM when its endpoint is overridden. */
    @WithDefault("us-east-1")
    String region();

    /** ARN of the narrowly scoped broker role assumed for every IAM call; required with the aws backend. */
    Optional<String> roleArn();

    /** External id the broker role's trust policy requires. */
    Optional<String> externalId();

    /** Lifetime of an assumed-role session; the SDK refreshes it shortly before it ends. */
    @WithDefault("15m")
    Duration sessionDuration();

    /** Whether sessions carry the request id, requester and approvers as session tags (needs sts:TagSession). */
    @WithDefault("true")
    boolean tagSessions();

    /** How many attributed sessions to keep cached at once. */
    @WithDefault("64")
    int sessionCacheSize();

    /** IAM endpoint override, e.g. an emulator; AWS's global endpoint when absent. */
    Optional<URI> iamEndpoint();

    /** STS endpoint override; the regional endpoint when absent. */
    Optional<URI> stsEndpoint();

    /**
     * How long one HTTP attempt of an IAM or STS call may take, connecting included, before it is abandoned. A call
     * that creates a secret or a device is never attempted twice by the SDK: its step finds out what happened.
     */
    @WithDefault("10s")
    Duration callAttemptTimeout();

    /** How long an IAM or STS call may take in all, its SDK retries (with their backoff) included. */
    @WithDefault("25s")
    Duration callTimeout();
}
