package dev.iamsteward.iam;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Centralized root access of the AWS organization: the account the service opens root sessions from (the
 * management account or the delegated administrator for IAM), the role it assumes there, and the member
 * accounts whose root users it audits. Absent {@code account-id}, the service does nothing with root users.
 */
@ConfigMapping(prefix = "steward.organization")
public interface OrganizationConfig {

    /** The management account or the delegated administrator account for IAM (12 digits); absent: off. */
    Optional<String> accountId();

    /** ARN of the role in that account that may call sts:AssumeRoot; required on the aws backend. */
    Optional<String> roleArn();

    /** External id that role's trust policy requires. */
    Optional<String> externalId();

    /** Region of the Regional STS endpoint AssumeRoot is sent to (AWS refuses it on the global endpoint). */
    @WithDefault("us-east-1")
    String region();

    /** STS endpoint override (e.g. a test server); the Regional endpoint of {@link #region()} when absent. */
    Optional<URI> stsEndpoint();

    /** IAM endpoint override for the calls made in root sessions; AWS's global endpoint when absent. */
    Optional<URI> iamEndpoint();

    /** The member accounts (12 digits each) whose root users posture audits and requests may clean up. */
    Optional<List<String>> memberAccounts();

    /** How long one root session lasts; AWS allows at most 15 minutes (DurationSeconds 900). */
    @WithDefault("5m")
    Duration rootSessionDuration();

    /**
     * The longest recovery window an ALLOW_ROOT_PASSWORD_RECOVERY request may ask for (its {@code expiresAt} from
     * now); when it ends, the service deletes the root user's credentials again.
     */
    @WithDefault("4h")
    Duration passwordRecoveryWindowMax();

    /**
     * The target account (steward.accounts.&lt;id&gt;) under which root findings and root requests are recorded and
     * approval rules matched; the first target account when absent.
     */
    Optional<String> recordedUnder();
}
