package dev.iamsteward.account;

import dev.iamsteward.iam.IamDirectory;
import dev.iamsteward.iam.IamException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jakarta.annotation.PreDestroy;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in readiness which IAM the service acts on, whether it is the sandbox, and whether each target account's
 * IAM answers: a read in the broker role's own session (so STS's AssumeRole too), at most once per
 * {@code steward.health.cache-ttl} and account. Never in liveness: AWS being unreachable is no reason to restart
 * the pod. Per account {@code <id>.reachable}, {@code <id>.checkedAt} and, when it does not answer,
 * {@code <id>.error}; the top-level {@code reachable} and {@code error} sum them up.
 */
@Readiness
@ApplicationScoped
public class IamHealth implements HealthCheck {

    private final TargetAccounts accounts;
    private final HealthConfig config;
    private final Clock clock;
    private final Map<String, Reachability> last = new HashMap<>();
    private final Map<String, CompletableFuture<Reachability>> asking = new HashMap<>();
    /** Where IAM is asked, so that a stalled IAM never holds the thread that answers readiness. */
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "iam-readiness-probe");
        thread.setDaemon(true);
        return thread;
    });

    IamHealth(TargetAccounts accounts, HealthConfig config, Clock clock) {
        this.accounts = accounts;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        TargetAccount first = accounts.all().iterator().next();
        IamDirectory.Backend backend = first.directory().backend();
        // Readiness is unauthenticated: broker role ARNs, account numbers and IAM's messages stay out of it.
        HealthCheckResponseBuilder response = HealthCheckResponse.named("iam")
                .withData("backend", backend.name())
                .withData("sandbox", backend.sandbox())
                .withData("accounts", String.join(",", accounts.ids()));
        if (backend.sandbox()) {
            response.withData("target", backend.target());
        }
        boolean all = true;
        String firstError = null;
        for (TargetAccount account : accounts.all()) {
            Reachability reachability = reachability(account);
            response.withData(account.id() + ".reachable", reachability.reachable())
                    .withData(account.id() + ".checkedAt", reachability.at().toString());
            if (!reachability.reachable()) {
                response.withData(account.id() + ".error", reachability.error());
                firstError = firstError == null ? reachability.error() : firstError;
                all = false;
            }
        }
        response.withData("reachable", all);
        if (firstError != null) {
            response.withData("error", firstError);
        }
        return response.status(all).build();
    }

    /**
     * The account's last answer while it is younger than the cache TTL, else a new one if IAM gives it within the
     * probe timeout. Only one question per account is open at a time, however many probes come meanwhile.
     */
    private Reachability reachability(TargetAccount account) {
        CompletableFuture<Reachability> answer;
        synchronized (this) {
            Instant now = clock.instant();
            Reachability known = last.get(account.id());
            if (known != null && now.isBefore(known.at().plus(config.cacheTtl()))) {
                return known;
            }
            answer = asking.computeIfAbsent(account.id(), id -> CompletableFuture.supplyAsync(
                    () -> remember(account.id(), probe(account, clock.instant())), probes));
        }
        try {
            return answer.get(config.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Log.warnf("Readiness: IAM of account %s did not answer within %s", account.id(), config.probeTimeout());
            return new Reachability(false, "IAM did not answer within " + config.probeTimeout().toSeconds() + "s",
                    clock.instant());
        } catch (ExecutionException e) {
            return new Reachability(false, "unreachable", clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reachability(false, "interrupted", clock.instant());
        }
    }

    private synchronized Reachability remember(String accountId, Reachability answer) {
        last.put(accountId, answer);
        asking.remove(accountId);
        return answer;
    }

    @PreDestroy
    void stop() {
        probes.shutdownNow();
    }

    private static Reachability probe(TargetAccount target, Instant now) {
        try {
            target.account().accountSummary();
            return new Reachability(true, null, now);
        } catch (IamException e) {
            Log.warnf("Readiness: IAM of account %s did not answer: %s %s", target.id(), e.code(), e.getMessage());
            return new Reachability(false, "IAM " + e.code(), now);
        } catch (RuntimeException e) {
            Log.warnf(e, "Readiness: IAM of account %s could not be reached", target.id());
            return new Reachability(false, "unreachable", now);
        }
    }

    /** One answer on whether IAM answered, and when it was asked. */
    private record Reachability(boolean reachable, String error, Instant at) {
    }
}
