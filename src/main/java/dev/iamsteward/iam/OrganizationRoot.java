package dev.iamsteward.iam;

import java.time.Duration;
import java.util.Set;

/**
 * The outbound port to centralized root access of an AWS organization, used from its management account or the
 * delegated administrator account for IAM: which features are on, and task-scoped sessions on the root user of a
 * member account. AWS's rules hold in every adapter: only those two accounts may open a root session, only on a
 * member account, only with one of the {@link RootTask} policies, for at most {@link #MAX_SESSION}.
 */
public interface OrganizationRoot {

    /** The longest root session AWS grants (DurationSeconds 900). */
    Duration MAX_SESSION = Duration.ofSeconds(900);

    /** ListOrganizationsFeatures, in the service's own session. */
    Set<OrganizationFeature> enabledFeatures();

    /**
     * AssumeRoot on {@code memberAccountId} scoped to {@code task}, lasting {@code duration}; the session in the
     * management account that asks for it is the request's ({@code attribution}) or, when null, the service's.
     * AccessDenied for an account that is not a member or a caller that may not; InvalidInput past 900 seconds.
     */
    RootSession assumeRoot(String memberAccountId, RootTask task, Duration duration, Attribution attribution);

    /** Where root sessions are asked for, for health and logs. */
    IamDirectory.Backend backend();
}
