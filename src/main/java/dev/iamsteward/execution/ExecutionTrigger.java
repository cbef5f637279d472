package dev.iamsteward.execution;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Polls for due jobs on a schedule and stops the worker at shutdown; the work itself is {@link JobWorker}'s. */
@ApplicationScoped
class ExecutionTrigger {

    private final JobWorker worker;
    private final Duration shutdownTimeout;

    ExecutionTrigger(JobWorker worker,
            @ConfigProperty(name = "quarkus.shutdown.timeout", defaultValue = "30s") Duration shutdownTimeout) {
        this.worker = worker;
        this.shutdownTimeout = shutdownTimeout;
    }

    /** At shutdown the job in progress may finish within Quarkus' shutdown timeout; the rest is handed back. */
    void stop(@Observes ShutdownEvent event) {
        worker.stop(shutdownTimeout);
    }

    @Scheduled(identity = "execution-poll", every = "${steward.execution.poll-interval}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        worker.runDueJobs();
    }
}
