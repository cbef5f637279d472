package dev.iamsteward.iam.memory;

import dev.iamsteward.iam.IamException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Failures queued for the in-memory IAM to raise on the next calls of an operation, in order; and a steady fraction
 * of all calls throttled, as a busy account's IAM answers.
 */
public final class Faults {

    private final Map<String, Deque<Supplier<IamException>>> queued = new HashMap<>();
    private final Map<String, Deque<Supplier<RuntimeException>>> afterEffect = new HashMap<>();
    private double throttleFraction;
    private long callsSeen;

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

    /**
     * The next {@code times} calls of a creating {@code operation} take effect and then fail with what {@code error}
     * makes, as a call does whose answer is lost on the way back (a timeout) or whose caller dies on receiving it.
     */
    public synchronized void failAfterEffectNext(String operation, int times, Supplier<RuntimeException> error) {
        Deque<Supplier<RuntimeException>> queue = afterEffect.computeIfAbsent(operation, k -> new ArrayDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(error);
        }
    }

    /** The next {@code times} calls of {@code operation} take effect, and their answer is lost: a timeout. */
    public void loseAnswerNext(String operation, int times) {
        failAfterEffectNext(operation, times, () -> new IamException.Unavailable(
                "IAM could not be reached: Client execution did not complete before the specified timeout"));
    }

    /**
     * From now on, {@code fraction} (0 to 1) of all calls are throttled before they take effect, spread evenly
     * (with 0.2, every fifth call). It is a setting of the sandbox, so {@link #clear()} keeps it.
     */
    public synchronized void throttleFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("the throttled fraction of IAM calls must be between 0 and 1, not "
                    + fraction);
        }
        throttleFraction = fraction;
        callsSeen = 0;
    }

    public synchronized void clear() {
        queued.clear();
        afterEffect.clear();
    }

    /** The failure queued for after {@code operation} took effect, if any. */
    synchronized Optional<RuntimeException> afterEffect(String operation) {
        Deque<Supplier<RuntimeException>> queue = afterEffect.get(operation);
        Supplier<RuntimeException> next = queue == null ? null : queue.poll();
        return next == null ? Optional.empty() : Optional.of(next.get());
    }

    /** The next fault queued for {@code operation}; it is made outside the lock, as a pause may wait long. */
    Optional<IamException> next(String operation) {
        Supplier<IamException> next;
        synchronized (this) {
            Deque<Supplier<IamException>> queue = queued.get(operation);
            next = queue == null ? null : queue.poll();
            if (next == null && throttledNow()) {
                return Optional.of(new IamException.Throttled("Rate exceeded"));
            }
        }
        return next == null ? Optional.empty() : Optional.ofNullable(next.get());
    }

    /** Whether this call is one of the steady throttled fraction: the running count of them went up by one. */
    private boolean throttledNow() {
        if (throttleFraction == 0) {
            return false;
        }
        callsSeen++;
        return Math.floor(callsSeen * throttleFraction) > Math.floor((callsSeen - 1) * throttleFraction);
    }
}
