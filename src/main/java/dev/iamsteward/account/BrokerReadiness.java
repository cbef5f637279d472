package dev.iamsteward.account;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Runs the broker self-check of every target account at startup, failing closed on a broker that is wider than it
 * must be, and reports the last results in readiness ({@code broker-self-check}), running them again at most once
 * per {@code steward.health.self-check-ttl}. With several accounts, the summary is the worst account's, failures
 * are named {@code <id>:<probe>}, and each account's result is {@code <id>.result}.
 */
@Readiness
@ApplicationScoped
public class BrokerReadiness implements HealthCheck {

    private final TargetAccounts accounts;
    private final IamConfig iam;
    private final Catalog catalog;
    private final HealthConfig health;
    private final Clock clock;
    private Map<String, BrokerCheckResult> last;

    BrokerReadiness(TargetAccounts accounts, IamConfig iam, Catalog catalog, HealthConfig health, Clock clock) {
        this.accounts = accounts;
        this.iam = iam;
        this.catalog = catalog;
        this.health = health;
        this.clock = clock;
    }

    /** Takes the accounts first, so that root credentials are refused before IAM is asked anything. */
    void onStart(@Observes StartupEvent event, TargetAccounts started) {
        Log.debugf("Checking the broker roles of %s", started.ids());
        check().forEach((id, result) -> refuseToStart("account " + id + ": ", result,
                iam.selfCheck().failWhenNotChecked()));
    }

    /** Throws with every failure when the result must stop the service; logs it otherwise. */
    static void refuseToStart(BrokerCheckResult result, boolean failWhenNotChecked) {
        refuseToStart("", result, failWhenNotChecked);
    }

    private static void refuseToStart(String account, BrokerCheckResult result, boolean failWhenNotChecked) {
        if (!acceptable(result, failWhenNotChecked)) {
            throw new IllegalStateException("IAM Steward refuses to start: " + account + result.describe()
                    + (result.status() == BrokerCheckResult.Status.NOT_CHECKED
                            ? " (steward.iam.self-check.fail-when-not-checked=true)" : ""));
        }
        if (result.status() == BrokerCheckResult.Status.NOT_CHECKED) {
            Log.warnf("Starting with an unchecked broker role: %s%s", account, result.describe());
        } else {
            Log.infof("Broker self-check: %s%s", account, result.describe());
        }
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, BrokerCheckResult> results = current();
        boolean several = results.size() > 1;
        BrokerCheckResult worst = results.values().stream()
                .max(Comparator.comparingInt(BrokerReadiness::badness)).orElseThrow();
        // Readiness is unauthenticated: probe names and a short reason, never ARNs or IAM's messages.
        HealthCheckResponseBuilder response = HealthCheckResponse.named("broker-self-check")
                .withData("result", worst.status().name())
                .withData("checkedAt", results.values().stream().map(BrokerCheckResult::checkedAt)
                        .min(Instant::compareTo).orElseThrow().toString());
        String failed = results.entrySet().stream().flatMap(e -> e.getValue().failureNames().stream()
                .map(name -> several ? e.getKey() + ":" + name : name)).collect(Collectors.joining(","));
        if (!failed.isEmpty()) {
            response.withData("failed", failed);
        }
        results.forEach((id, result) -> {
            if (several) {
                response.withData(id + ".result", result.status().name());
            }
            if (result.notCheckedReason() != null && result == worst) {
                response.withData("reason", several ? id + ": " + result.notCheckedReason()
                        : result.notCheckedReason());
            }
        });
        boolean ready = results.values().stream()
                .allMatch(r -> acceptable(r, iam.selfCheck().failWhenNotChecked()));
        return response.status(ready).build();
    }

    /** Runs the check of every account now and remembers the results, by account id. */
    public synchronized Map<String, BrokerCheckResult> check() {
        Map<String, BrokerCheckResult> results = new LinkedHashMap<>();
        for (TargetAccount account : accounts.all()) {
            results.put(account.id(), BrokerSelfCheck.run(account.simulator(), target(account), clock.instant()));
        }
        last = results;
        return results;
    }

    /** The last results while they are younger than the TTL, else new ones. */
    synchronized Map<String, BrokerCheckResult> current() {
        Instant now = clock.instant();
        if (last == null || last.values().stream()
                .anyMatch(r -> !now.isBefore(r.checkedAt().plus(health.selfCheckTtl())))) {
            check();
        }
        return last;
    }

    private BrokerTarget target(TargetAccount account) {
        Set<String> catalogPolicies = new TreeSet<>();
        catalog.all(account.settings()).forEach(profile -> catalogPolicies.addAll(profile.policyArns()));
        return BrokerTarget.of(account.simulator().brokerRoleArn(), account.managedPath(),
                account.settings().permissionsBoundaryArn(), catalogPolicies);
    }

    private static int badness(BrokerCheckResult result) {
        return List.of(BrokerCheckResult.Status.PASSED, BrokerCheckResult.Status.NOT_CHECKED,
                BrokerCheckResult.Status.FAILED).indexOf(result.status());
    }

    private static boolean acceptable(BrokerCheckResult result, boolean failWhenNotChecked) {
        return switch (result.status()) {
            case PASSED -> true;
            case FAILED -> false;
            case NOT_CHECKED -> !failWhenNotChecked;
        };
    }
}
