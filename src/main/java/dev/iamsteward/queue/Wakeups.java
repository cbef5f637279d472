package dev.iamsteward.queue;

import java.time.Duration;

/** A count of wake-ups that idle workers wait on; one sent between a worker's look and its wait is not lost. */
final class Wakeups {

    private long count;

    synchronized long seen() {
        return count;
    }

    synchronized void wake() {
        count++;
        notifyAll();
    }

    /** Waits until a wake-up after {@code seen}, or {@code timeout}. */
    synchronized void await(long seen, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (count == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
