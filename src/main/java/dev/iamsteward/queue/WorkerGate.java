package dev.iamsteward.queue;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

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

    /**
     * Runs claimed work until {@code max} ran, nothing is due or the gate closes; returns how many ran. A claim
     * made just as the gate closed has not started, and goes to {@code release}.
     */
    public <T> int runBatch(int max, Supplier<Optional<T>> claim, Consumer<T> run, Consumer<T> release) {
        int ran = 0;
        while (ran < max && enter()) {
            try {
                Optional<T> next = claim.get();
                if (next.isEmpty()) {
                    break;
                }
                if (isClosed()) {
                    release.accept(next.get());
                    break;
                }
                run.accept(next.get());
                ran++;
            } finally {
                leave();
            }
        }
        return ran;
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
