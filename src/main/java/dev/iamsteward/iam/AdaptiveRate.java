package dev.iamsteward.iam;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * One account's IAM call rate on this replica: a Bucket4j token bucket of one token (no bursts), so that no
 * one-second window holds more calls than the rate, refilled at the adaptive rate divided by the replicas alive.
 * A throttle multiplies the rate down; after a quiet recovery interval it climbs back a tenth at a time.
 */
final class AdaptiveRate {

    /** How the caller waits its turn; tests move a clock instead. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private static final long SECOND = 1_000_000_000L;

    private final IamRateConfig config;
    private final TimeMeter time;
    private final Sleeper sleeper;
    private final IntSupplier replicas;
    private final Bucket bucket;
    private double rate;
    private long lastChange;
    private long lastThrottle = Long.MIN_VALUE / 2;
    private double applied;

    AdaptiveRate(IamRateConfig config, TimeMeter time, Sleeper sleeper, IntSupplier replicas) {
        this.config = config;
        this.time = time;
        this.sleeper = sleeper;
        this.replicas = replicas;
        this.rate = config.callsPerSecond();
        this.lastChange = time.currentTimeNanos();
        this.applied = share();
        this.bucket = Bucket.builder().withCustomTimePrecision(time).withSynchronizationStrategy(
                io.github.bucket4j.local.SynchronizationStrategy.SYNCHRONIZED).addLimit(limit -> limit.capacity(1)
                .refillGreedy(1, period(applied)).initialTokens(1)).build();
    }

    /** Waits for this call's turn; returns the nanoseconds waited, or -1 when the wait would exceed the bound. */
    long acquire() throws InterruptedException {
        long start = time.currentTimeNanos();
        long deadline = start + config.maxWait().toNanos();
        while (true) {
            adjust();
            ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
            if (probe.isConsumed()) {
                return time.currentTimeNanos() - start;
            }
            long wait = probe.getNanosToWaitForRefill();
            if (time.currentTimeNanos() + wait > deadline) {
                return -1;
            }
            sleeper.sleep(wait);
        }
    }

    /** IAM answered a call with throttling: the rate drops, at most once a second so that one burst counts once. */
    synchronized void throttled() {
        long now = time.currentTimeNanos();
        if (now - lastThrottle < SECOND) {
            return;
        }
        lastThrottle = now;
        lastChange = now;
        rate = Math.max(config.minimumCallsPerSecond(), rate * config.throttleFactor());
        apply();
    }

    /** The account's adaptive rate across all replicas, in calls per second. */
    synchronized double rate() {
        return rate;
    }

    /** This replica's share of it, as applied to the bucket now. */
    synchronized double applied() {
        return applied;
    }

    private synchronized void adjust() {
        long now = time.currentTimeNanos();
        if (rate < config.callsPerSecond() && now - lastChange >= config.recoveryInterval().toNanos()) {
            rate = Math.min(config.callsPerSecond(), rate + config.callsPerSecond() / 10);
            lastChange = now;
        }
        apply();
    }

    private void apply() {
        double share = share();
        if (share != applied) {
            applied = share;
            bucket.replaceConfiguration(BucketConfiguration.builder().addLimit(limit -> limit.capacity(1)
                    .refillGreedy(1, period(share))).build(),
                    TokensInheritanceStrategy.AS_IS);
        }
    }

    private double share() {
        return rate / Math.max(1, replicas.getAsInt());
    }

    private static Duration period(double callsPerSecond) {
        return Duration.ofNanos(Math.max(1, Math.round(SECOND / callsPerSecond)));
    }
}
