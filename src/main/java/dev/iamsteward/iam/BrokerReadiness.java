package dev.iamsteward.iam;

import dev.iamsteward.catalog.Catalog;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Runs the broker self-check at startup, failing closed on a broker that is wider than it must be, and reports
 * its last result in readiness ({@code broker-self-check}), running it again at most once per
 * {@code steward.health.self-check-ttl}.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final PolicySimulator simulator;
    private final IamConfig iam;
    private final Catalog catalog;
    private final HealthConfig health;
    private final Clock clock;
    private BrokerCheckResult last;

    BrokerReadiness(PolicySimulator simulator, IamConfig iam, Catalog catalog, HealthConfig health, Clock clock) {
        this.simulator = simulator;
        this.iam = iam;
        this.catalog = catalog;
        this.health = health;
        this.clock = clock;
    }

    /** Takes the directory first, so that root credentials are refused before IAM is asked anything. */
    void onStart(@Observes StartupEvent event, IamDirectory directory) {
        Log.debugf("Checking the broker role of %s", directory.backend().name());
        refuseToStart(check(), iam.selfCheck().failWhenNotChecked());
    }

    /** Throws with every failure when the result must stop the service; logs it otherwise. */
    static void refuseToStart(BrokerCheckResult result, boolean failWhenNotChecked) {
        if (!acceptable(result, failWhenNotChecked)) {
            throw new IllegalStateException("IAM Steward refuses to start: " + result.describe()
                    + (result.status() == BrokerCheckResult.Status.NOT_CHECKED
                            ? " (steward.iam.self-check.fail-when-not-checked=true)" : ""));
        }
        if (result.status() == BrokerCheckResult.Status.NOT_CHECKED) {
            Log.warnf("Starting with an unchecked broker role: %s", result.describe());
        } else {
            Log.infof("Broker self-check: %s", result.describe());
        }
    }

    @Override
    public HealthCheckResponse call() {
        BrokerCheckResult result = current();
        // Readiness is unauthenticated: probe names and a short reason, never ARNs or IAM's messages.
        var response = HealthCheckResponse.named("broker-self-check")
                .withData("result", result.status().name())
                .withData("checkedAt", result.checkedAt().toString());
        if (!result.failures().isEmpty()) {
            response.withData("failed", String.join(",", result.failureNames()));
        }
        if (result.notCheckedReason() != null) {
            response.withData("reason", result.notCheckedReason());
        }
        return response.status(acceptable(result, iam.selfCheck().failWhenNotChecked())).build();
    }

    /** Runs the check now against the configured target and remembers the result. */
    public synchronized BrokerCheckResult check() {
        last = BrokerSelfCheck.run(simulator, target(), clock.instant());
        return last;
    }

    /** The last result while it is younger than the TTL, else a new one. */
    synchronized BrokerCheckResult current() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.checkedAt().plus(health.selfCheckTtl()))) {
            check();
        }
        return last;
    }

    private BrokerTarget target() {
        Set<String> catalogPolicies = new TreeSet<>();
        catalog.all().forEach(profile -> catalogPolicies.addAll(profile.policyArns()));
        return BrokerTarget.of(simulator.brokerRoleArn(), iam.managedPath(), iam.permissionsBoundaryArn(),
                catalogPolicies);
    }

    private static boolean acceptable(BrokerCheckResult result, boolean failWhenNotChecked) {
        return switch (result.status()) {
            case PASSED -> true;
            case FAILED -> false;
            case NOT_CHECKED -> !failWhenNotChecked;
        };
    }
}
