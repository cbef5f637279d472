package dev.iamsteward.execution;

import dev.iamsteward.iam.IamException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** Runs due jobs: claim, execute against IAM, report the outcome; throttling and IAM failures are retried. */
@ApplicationScoped
public class JobWorker {

    private final JobQueue queue;
    private final RequestExecutor executor;
    private final ExecutionConfig config;
    private final Backoff backoff;
    private final String workerId = "worker-" + UUID.randomUUID().toString().substring(0, 8);

    JobWorker(JobQueue queue, RequestExecutor executor, ExecutionConfig config) {
        this.queue = queue;
        this.executor = executor;
        this.config = config;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
    }

    /** Runs the jobs that are due now, at most a batch of them; returns how many it ran. */
    public int runDueJobs() {
        int ran = 0;
        while (ran < config.batchSize()) {
            Optional<ExecutionOrder> order = queue.claimNext(workerId);
            if (order.isEmpty()) {
                break;
            }
            run(order.get());
            ran++;
        }
        return ran;
    }

    public String workerId() {
        return workerId;
    }

    private void run(ExecutionOrder order) {
        try {
            for (int step = order.stepsDone(); step < order.plan().size(); step++) {
                String userArn = executor.runStep(order, step);
                if (!queue.stepDone(order, workerId, step, userArn)) {
                    return;
                }
            }
            queue.succeeded(order, workerId);
        } catch (ExecutionFailure e) {
            queue.failed(order, workerId, e.getMessage());
        } catch (IamException e) {
            String error = "IAM " + e.code() + ": " + e.getMessage();
            if (e.retryable() && order.attempt() < config.maxAttempts()) {
                queue.retryLater(order, workerId, error, backoff.after(order.attempt()));
            } else {
                queue.failed(order, workerId, error);
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "Job %d failed unexpectedly on attempt %d", order.jobId(), order.attempt());
            if (order.attempt() < config.maxAttempts()) {
                queue.retryLater(order, workerId, "internal error", backoff.after(order.attempt()));
            } else {
                queue.failed(order, workerId, "internal error; see the service log for job " + order.jobId());
            }
        }
    }
}
