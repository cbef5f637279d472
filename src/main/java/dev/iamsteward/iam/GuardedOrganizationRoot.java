package dev.iamsteward.iam;

import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.Set;

/**
 * The organization's root access as the service uses it: every IAM call in a root session waits for the member
 * account's IAM call rate (a throttle lowers it) and is a span, as calls through a target account's IAM port are.
 */
public final class GuardedOrganizationRoot implements OrganizationRoot {

    private final OrganizationRoot adapter;
    private final IamRateLimits limits;
    private final Tracer tracer;

    public GuardedOrganizationRoot(OrganizationRoot adapter, IamRateLimits limits, Tracer tracer) {
        this.adapter = adapter;
        this.limits = limits;
        this.tracer = tracer;
    }

    /** The adapter beneath {@code root}, such as the sandbox organization a test sets up; {@code root} if none. */
    public static OrganizationRoot beneath(OrganizationRoot root) {
        return root instanceof GuardedOrganizationRoot guarded ? guarded.adapter : root;
    }

    @Override
    public Set<OrganizationFeature> enabledFeatures() {
        return adapter.enabledFeatures();
    }

    @Override
    public RootSession assumeRoot(String memberAccountId, RootTask task, Duration duration, Attribution attribution) {
        RootSession session = adapter.assumeRoot(memberAccountId, task, duration, attribution);
        return new TracedRootSession(RateLimitedIam.wrap(RootSession.class, session,
                limits.forAccount(memberAccountId)), tracer);
    }

    @Override
    public IamDirectory.Backend backend() {
        return adapter.backend();
    }
}
