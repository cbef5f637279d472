package dev.iamsteward.common;

import java.time.Duration;

/**
 * What lets a queue worker stop cleanly: once closed it lets no new run in, and closing waits, up to a grace
 * period, for the runs already in progress to finish.
 */
public final class WorkerGate {

    private boolean closed;
    private int running;

    /** Whether a run may start; every {@code true} must be followed by {@link #leave()}. */
    public synchronized boolean enter() {
        if (closed) {
            return false;
        }
        running++;
        return true;
    }

    public synchronized void leave() {
        running--;
        notifyAll();
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Lets no new run in and waits up to {@code grace} for those in progress; true when none is left. */
    public synchronized boolean close(Duration grace) {
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (running > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return running == 0;
        }
    }
}
