package dev.iamsteward.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries spread out. */
public final class Backoff {

    private final Duration initial;
    private final Duration max;

    public Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    /** The delay before the attempt after {@code attempt} (1-based). */
    public Duration after(int attempt) {
        long ceiling = max.toMillis();
        long exponential = initial.toMillis() << Math.min(attempt - 1, 30);
        long capped = exponential <= 0 || exponential > ceiling ? ceiling : exponential;
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
