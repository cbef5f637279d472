package dev.iamsteward.queue;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Backoff doubles per attempt, keeps half of it fixed and never exceeds its ceiling. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    @Test
    void delaysDoubleWithJitterWithinBounds() {
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(2_000L << Math.min(attempt - 1, 30), 300_000L);
            for (int sample = 0; sample < 200; sample++) {
                long delay = backoff.after(attempt).toMillis();
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, "attempt " + attempt + ": " + delay);
            }
        }
    }

    @Test
    void jitterSpreadsRetries() {
        long distinct = java.util.stream.IntStream.range(0, 100).mapToLong(i -> backoff.after(5).toMillis())
                .distinct().count();
        assertTrue(distinct > 10, "only " + distinct + " distinct delays");
    }
}
