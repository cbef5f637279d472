package dev.iamsteward.iam;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in readiness which IAM the service acts on, whether it is the sandbox, and whether the target account's
 * IAM answers: a read in the broker role's own session (so STS's AssumeRole too), at most once per
 * {@code steward.health.cache-ttl}. Never in liveness: AWS being unreachable is no reason to restart the pod.
 */
@Readiness
@ApplicationScoped
public class IamHealth implements HealthCheck {

    private final IamDirectory iam;
    private final IamAccount account;
    private final HealthConfig config;
    private final Clock clock;
    private Reachability last;

    IamHealth(IamDirectory iam, IamAccount account, HealthConfig config, Clock clock) {
        this.iam = iam;
        this.account = account;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        IamDirectory.Backend backend = iam.backend();
        Reachability reachability = reachability();
        // Readiness is unauthenticated: the broker role's ARN, the account and IAM's messages stay out of it.
        var response = HealthCheckResponse.named("iam")
                .withData("backend", backend.name())
                .withData("sandbox", backend.sandbox())
                .withData("reachable", reachability.reachable())
                .withData("checkedAt", reachability.at().toString());
        if (backend.sandbox()) {
            response.withData("target", backend.target());
        }
        if (!reachability.reachable()) {
            response.withData("error", reachability.error());
        }
        return response.status(reachability.reachable()).build();
    }

    /** The last answer while it is younger than the cache TTL, else a new one. */
    private synchronized Reachability reachability() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(config.cacheTtl()))) {
            last = probe(now);
        }
        return last;
    }

    private Reachability probe(Instant now) {
        try {
            account.accountSummary();
            return new Reachability(true, null, now);
        } catch (IamException e) {
            Log.warnf("Readiness: the target account's IAM did not answer: %s %s", e.code(), e.getMessage());
            return new Reachability(false, "IAM " + e.code(), now);
        } catch (RuntimeException e) {
            Log.warnf(e, "Readiness: the target account's IAM could not be reached");
            return new Reachability(false, "unreachable", now);
        }
    }

    /** One answer on whether IAM answered, and when it was asked. */
    private record Reachability(boolean reachable, String error, Instant at) {
    }
}
