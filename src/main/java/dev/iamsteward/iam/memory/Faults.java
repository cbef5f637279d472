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

    public synchronized void clear() {
        queued.clear();
    }

    synchronized Optional<IamException> next(String operation) {
        Deque<Supplier<IamException>> queue = queued.get(operation);
        return queue == null || queue.isEmpty() ? Optional.empty() : Optional.of(queue.poll().get());
    }
}
