package dev.iamsteward.queue;

import java.util.Optional;

/** A queue whose items a worker leases: claimed under the worker's id, renewed while held, handed back on stop. */
public interface LeasedQueue<C> {

    /** Claims the next due item for {@code worker}, or one whose holder's lease ran out. */
    Optional<C> claimNext(String worker);

    /** Renews the leases of the items {@code worker} holds; returns how many. */
    int renewLeases(String worker);

    /** Hands back what {@code worker} claimed and never started; returns how many. */
    int releaseAll(String worker);
}
