package dev.iamsteward.queue;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One worker's hold on a {@link LeasedQueue}: the id its leases carry, the gate that stops it, and claims run in
 * batches. Every queue worker (jobs, inbox, notifications) works through one, so the mechanism exists once.
 */
public final class WorkerLeases<C> {

    private final LeasedQueue<C> queue;
    private final String workerId;
    private final WorkerGate gate = new WorkerGate();

    /** Leases on {@code queue} under a fresh id starting with {@code name}. */
    public WorkerLeases(String name, LeasedQueue<C> queue) {
        this.queue = queue;
        this.workerId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String workerId() {
        return workerId;
    }

    /** Claims and runs up to {@code most} items; a claim made as the worker was told to stop is left to stop(). */
    public int runBatch(int most, Consumer<C> run) {
        return runBatch(most, run, claim -> { });
    }

    /** As {@link #runBatch(int, Consumer)}; a claim made as the worker was told to stop goes to {@code release}. */
    public int runBatch(int most, Consumer<C> run, Consumer<C> release) {
        return gate.runBatch(most, () -> queue.claimNext(workerId), run, release);
    }

    public void renewLeases() {
        queue.renewLeases(workerId);
    }

    /** Whether {@link #stop} was called: from then on nothing is claimed. */
    public boolean isStopping() {
        return gate.isClosed();
    }

    /**
     * Claims nothing more and waits up to {@code grace} for the run in progress; then hands back what was claimed
     * and not started, and says how many. Empty when a run is still in progress: it keeps its lease, so that
     * nobody runs it twice at once.
     */
    public OptionalInt stop(Duration grace) {
        return gate.close(grace) ? OptionalInt.of(queue.releaseAll(workerId)) : OptionalInt.empty();
    }
}
