package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.IamException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Failures queued for the in-memory IAM to raise on the next calls of an operation, in order. */
public final class Faults {

    private final Map<String, Deque<Supplier<IamException>>> queued = new HashMap<>();

    /** The next {@code times} calls of {@code operation} (e.g. "CreateUser") fail with what {@code error} makes. */
    public synchronized void failNext(String operation, int times, Supplier<IamException> error) {
        Deque<Supplier<IamException>> queue = queued.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(error);
        }
    }

    /** The next {@code times} calls of {@code operation} are throttled. */
    public void throttleNext(String operation, int times) {
        failNext(operation, times, () -> new IamException.Throttled("Rate exceeded"));
    }

    /** The next call of {@code operation} first runs {@code pause} (e.g. waits on a latch), then goes on normally. */
    public void pauseNext(String operation, Runnable pause) {
        failNext(operation, 1, () -> {
            pause.run();
            return null;
        });
    }

    public synchronized void clear() {
        queued.clear();
    }

    /** The next fault queued for {@code operation}; it is made outside the lock, as a pause may wait long. */
    Optional<IamException> next(String operation) {
        Supplier<IamException> next;
        synchronized (this) {
            Deque<Supplier<IamException>> queue = queued.get(operation);
            next = queue == null ? null : queue.poll();
        }
        return next == null ? Optional.empty() : Optional.ofNullable(next.get());
    }
}
