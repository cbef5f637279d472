package dev.iamsteward.queue;

import java.time.Duration;

/** One queue as the pool of workers sees it: run one due item, renew what is held, stop. */
public interface QueueWorker {

    /** Claims and works one due item; false when none was due (or the worker is stopping). */
    boolean runOne();

    /** Renews the leases of what this replica's workers of the queue hold. */
    void renewLeases();

    /** Claims nothing more, lets the work in progress finish within {@code grace}, and hands back the rest. */
    void stop(Duration grace);
}
