package dev.iamsteward.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The IAM call limiter on a test clock that only moves when a caller waits: no one-second window ever holds more
 * calls than the rate, the rate is used (not undershot), replicas share it, a throttle lowers it and it recovers.
 */
class AdaptiveRateTest {

    private static final long SECOND = 1_000_000_000L;

    /** A clock that moves only when a caller sleeps, by exactly the time asked. */
    private static final class TestTime implements TimeMeter {
        final AtomicLong nanos = new AtomicLong(1_000 * SECOND);

        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }

        void advance(long by) {
            nanos.addAndGet(by);
        }
    }

    private record Config(double callsPerSecond, double minimumCallsPerSecond, double throttleFactor,
            Duration recoveryInterval, Duration maxWait) implements IamRateConfig {
    }

    private static final Config TEN = new Config(10, 0.5, 0.5, Duration.ofSeconds(10), Duration.ofMinutes(1));

    private final TestTime time = new TestTime();

    @Test
    void noOneSecondWindowHoldsMoreCallsThanTheRateAndTheRateIsUsed() throws Exception {
        AdaptiveRate rate = new AdaptiveRate(TEN, time, time::advance, () -> 1);
        List<Long> calls = calls(rate, 1000);

        assertEquals(10, maxInAnySecond(calls));
        double seconds = (calls.get(calls.size() - 1) - calls.get(0)) / (double) SECOND;
        assertTrue(seconds >= 99 && seconds <= 100.5, "1,000 calls at 10/s take about 100 s, took " + seconds);
    }

    @Test
    void replicasAliveShareTheRate() throws Exception {
        AdaptiveRate rate = new AdaptiveRate(TEN, time, time::advance, () -> 4);
        List<Long> calls = calls(rate, 200);

        assertTrue(maxInAnySecond(calls) <= 3, "a quarter of 10/s, rounded up: " + maxInAnySecond(calls));
        assertEquals(2.5, rate.applied());
    }

    @Test
    void aThrottleHalvesTheRateOnceAndItRecoversAfterQuietIntervals() throws Exception {
        AdaptiveRate rate = new AdaptiveRate(TEN, time, time::advance, () -> 1);
        calls(rate, 20);
        rate.throttled();
        rate.throttled();
        assertEquals(5, rate.rate(), "a burst of throttles in one second counts once");

        List<Long> lowered = calls(rate, 40);
        assertTrue(maxInAnySecond(lowered.subList(1, lowered.size())) <= 5, "at most 5 a second once lowered");

        time.advance(2 * SECOND);
        rate.throttled();
        assertEquals(2.5, rate.rate());
        for (int i = 0; i < 3; i++) {
            time.advance(2 * SECOND);
            rate.throttled();
        }
        assertEquals(0.5, rate.rate(), "never below the floor");

        time.advance(10 * SECOND);
        calls(rate, 1);
        assertEquals(1.5, rate.rate(), 1e-9, "a tenth of the configured rate back after a quiet interval");
        for (int i = 0; i < 20; i++) {
            time.advance(10 * SECOND);
            calls(rate, 1);
        }
        assertEquals(10, rate.rate(), 1e-9, "recovered, and never above the configured rate");
    }

    @Test
    void aTurnFurtherOffThanTheLongestWaitIsRefused() throws Exception {
        Config slow = new Config(0.5, 0.5, 0.5, Duration.ofSeconds(10), Duration.ofSeconds(1));
        AdaptiveRate rate = new AdaptiveRate(slow, time, time::advance, () -> 1);
        assertTrue(rate.acquire() >= 0, "the first call goes at once");
        assertEquals(-1, rate.acquire(), "the next is 2 s off, and calls wait at most 1 s");
    }

    private List<Long> calls(AdaptiveRate rate, int n) throws InterruptedException {
        List<Long> at = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            assertTrue(rate.acquire() >= 0);
            at.add(time.currentTimeNanos());
        }
        return at;
    }

    /** The most calls in any window [t, t + 1 s); the worst windows start at a call. */
    private static int maxInAnySecond(List<Long> calls) {
        int max = 0;
        for (int i = 0, j = 0; i < calls.size(); i++) {
            while (j < calls.size() && calls.get(j) < calls.get(i) + SECOND) {
                j++;
            }
            max = Math.max(max, j - i);
        }
        return max;
    }
}
