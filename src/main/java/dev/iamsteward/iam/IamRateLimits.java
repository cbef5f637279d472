package dev.iamsteward.iam;

import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IAM call rate of each target account, shared by every caller on this replica; the replicas alive (from the
 * queues' heartbeats) divide it among themselves. The rate, the waits and the throttles are metrics.
 */
@Singleton
public class IamRateLimits {

    /** One account's limit as the IAM port's callers meet it. */
    public final class Limit {

        private final String account;
        private final AdaptiveRate rate;
        private final Timer waits;
        private final Counter throttles;
        private final Counter refused;

        private Limit(String account) {
            this.account = account;
            this.rate = new AdaptiveRate(config, TimeMeter.SYSTEM_NANOTIME, java.util.concurrent.locks.LockSupport
                    ::parkNanos, replicas::live);
            this.waits = Timer.builder("steward.iam.rate.wait").description("How long IAM calls waited for their turn")
                    .tag("account", account).register(metrics);
            this.throttles = Counter.builder("steward.iam.throttles")
                    .description("IAM calls answered with throttling").tag("account", account).register(metrics);
            this.refused = Counter.builder("steward.iam.rate.refused")
                    .description("IAM calls not made because their turn was further off than the longest wait")
                    .tag("account", account).register(metrics);
            Gauge.builder("steward.iam.rate", rate, AdaptiveRate::rate).description(
                    "The account's IAM calls per second across replicas, as throttling left it").tag("account", account)
                    .register(metrics);
            Gauge.builder("steward.iam.rate.replica", rate, AdaptiveRate::applied)
                    .description("This replica's share of the account's IAM calls per second").tag("account", account)
                    .register(metrics);
        }

        /** Waits for the next call's turn; a turn further off than the longest wait fails as throttled. */
        public void acquire() {
            try {
                long waited = rate.acquire();
                if (waited < 0) {
                    refused.increment();
                    throw new IamException.Throttled("the service's own IAM call rate for account '" + account
                            + "' is used up for longer than " + config.maxWait());
                }
                waits.record(Duration.ofNanos(waited));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IamException.Throttled("interrupted while waiting for an IAM call's turn");
            }
        }

        /** IAM throttled a call: the account's rate drops. */
        public void throttled() {
            throttles.increment();
            rate.throttled();
        }
    }

    private final IamRateConfig config;
    private final LiveReplicas replicas;
    private final MeterRegistry metrics;
    private final Map<String, Limit> limits = new ConcurrentHashMap<>();

    IamRateLimits(IamRateConfig config, LiveReplicas replicas, MeterRegistry metrics) {
        this.config = config;
        this.replicas = replicas;
        this.metrics = metrics;
    }

    /** The IAM port beneath its account's limit, such as the in-memory sandbox a test resets. */
    public static <T> T beneath(T port) {
        return RateLimitedIam.unwrap(port);
    }

    public Limit forAccount(String account) {
        return limits.computeIfAbsent(account, Limit::new);
    }
}
