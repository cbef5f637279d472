package dev.iamsteward.queue;

/** Where a queued row is, whatever its own queue calls it (a notification's QUEUED is PENDING, its DONE DELIVERED). */
public enum Phase {
    /** Due at {@code run_after}; any worker may claim it then. */
    QUEUED,
    /** Held by one worker under a lease that its replica's heartbeat renews. */
    RUNNING,
    /** Parked until something outside the worker puts it back (an execution awaiting MFA codes). */
    WAITING,
    /** Done; deleted after the queue's retention. */
    DONE,
    /** Out of attempts or refused: a dead letter, kept for an admin. */
    FAILED
}
