package dev.iamsteward.execution;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Polls for due jobs on a schedule; the work itself is {@link JobWorker#runDueJobs()}. */
@ApplicationScoped
class ExecutionTrigger {

    private final JobWorker worker;

    ExecutionTrigger(JobWorker worker) {
        this.worker = worker;
    }

    @Scheduled(identity = "execution-poll", every = "${steward.execution.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        worker.runDueJobs();
    }
}
